#!/bin/bash
# Verbatim from the seed document, with http://localhost:5173 replaced by ${BASE_URL}.
BASE_URL="${BASE_URL:-http://localhost:5173}"

# Test current hardcoded actions
curl -X POST ${BASE_URL}/api/plugins/events/automation \
  -H "Content-Type: application/json" \
  -d '{
    "flow_execution_id": "test_123",
    "events": [
      {
        "action_type": "create_product",
        "payload": {
          "name": "Test Product",
          "description": "Created via automation",
          "price": 19.99
        }
      }
    ]
  }'
