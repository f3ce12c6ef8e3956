#!/bin/bash
# Verbatim from the seed document, with http://localhost:5173 replaced by ${BASE_URL}.
BASE_URL="${BASE_URL:-http://localhost:5173}"

# Execute plugin action through automation endpoint
curl -X POST ${BASE_URL}/api/plugins/events/automation \
  -H "Content-Type: application/json" \
  -d '{
    "flow_execution_id": "plugin_test_123",
    "events": [
      {
        "action_type": "send_welcome_email",
        "plugin_id": "87312788-df51-4002-8eca-9cfc3e3f7d8e",
        "payload": {
          "user_id": "user_456",
          "email": "test@example.com",
          "first_name": "John",
          "template_id": "welcome_v2"
        }
      },
      {
        "action_type": "create_product", 
        "payload": {
          "name": "Mixed Test Product",
          "price": 29.99
        }
      }
    ]
  }'
