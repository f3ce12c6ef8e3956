#!/bin/bash
# Verbatim from the seed document, with http://localhost:5173 replaced by ${BASE_URL}.
BASE_URL="${BASE_URL:-http://localhost:5173}"

# Test both platform and plugin actions in same request
curl -X POST ${BASE_URL}/api/plugins/events/automation \
  -H "Content-Type: application/json" \
  -d '{
    "flow_execution_id": "mixed_test_123",
    "events": [
      {
        "action_type": "create_customer",
        "payload": {
          "email": "newcustomer@example.com",
          "first_name": "Jane",
          "last_name": "Doe"
        }
      },
      {
        "action_type": "send_welcome_email",
        "plugin_id": "87312788-df51-4002-8eca-9cfc3e3f7d8e",
        "payload": {
          "user_id": "user_789",
          "email": "newcustomer@example.com", 
          "first_name": "Jane"
        }
      }
    ]
  }'
