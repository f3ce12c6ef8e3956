#!/bin/bash
# Verbatim from the seed document, with http://localhost:5173 replaced by ${BASE_URL}.
BASE_URL="${BASE_URL:-http://localhost:5173}"

# Register email plugin actions
curl -X POST ${BASE_URL}/api/plugins/email-automation/register-actions \
  -H "Content-Type: application/json" \
  -d '{
    "actions": [
      {
        "action_type": "send_welcome_email",
        "title": "Send Welcome Email",
        "description": "Sends personalized welcome email to new customers",
        "category": "email",
        "required_fields": ["user_id", "email"],
        "optional_fields": ["first_name", "template_id"],
        "endpoint": "/actions/send-welcome-email"
      },
      {
        "action_type": "send_abandoned_cart_email",
        "title": "Send Abandoned Cart Email",
        "category": "email", 
        "required_fields": ["user_id", "cart_id"],
        "optional_fields": ["discount_code"],
        "endpoint": "/actions/send-abandoned-cart-email"
      }
    ]
  }'
