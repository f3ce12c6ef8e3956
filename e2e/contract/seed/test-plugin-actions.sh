#!/bin/bash
# test-plugin-actions.sh

# Copied from the seed document; only BASE_URL may be overridden (the tests use a free port).
BASE_URL="${BASE_URL:-http://localhost:5173}"
PLUGIN_SLUG="email-automation"

echo "🧪 Testing Plugin Action Registry System"
echo "========================================"

# 1. Register plugin actions
echo -e "\n📝 1. Registering plugin actions..."
curl -s -X POST "$BASE_URL/api/plugins/$PLUGIN_SLUG/register-actions" \
  -H "Content-Type: application/json" \
  -d '{
    "actions": [
      {
        "action_type": "send_welcome_email",
        "title": "Send Welcome Email",
        "category": "email",
        "required_fields": ["user_id", "email"],
        "endpoint": "/actions/send-welcome-email"
      }
    ]
  }' | jq '.message' || echo "Registration response received"

# 2. Discover actions
echo -e "\n🔍 2. Discovering registered actions..."
curl -s "$BASE_URL/api/plugins/actions?category=email" | jq '.actions | length' \
  || echo "Discovery response received"

# 3. Test platform action (baseline)
echo -e "\n🏢 3. Testing platform action..."
curl -s -X POST "$BASE_URL/api/plugins/events/automation" \
  -H "Content-Type: application/json" \
  -d '{
    "flow_execution_id": "test_platform",
    "events": [{
      "action_type": "create_product",
      "payload": {"name": "Platform Test Product", "price": 19.99}
    }]
  }' | jq '.summary.successful' || echo "Platform action response received"

# 4. Test plugin action
echo -e "\n🧩 4. Testing plugin action..."
curl -s -X POST "$BASE_URL/api/plugins/events/automation" \
  -H "Content-Type: application/json" \
  -d '{
    "flow_execution_id": "test_plugin", 
    "events": [{
      "action_type": "send_welcome_email",
      "plugin_id": "87312788-df51-4002-8eca-9cfc3e3f7d8e",
      "payload": {
        "user_id": "user_123",
        "email": "test@example.com"
      }
    }]
  }' | jq '.summary.successful' || echo "Plugin action response received"

# 5. Test mixed actions
echo -e "\n🔀 5. Testing mixed platform + plugin actions..."
curl -s -X POST "$BASE_URL/api/plugins/events/automation" \
  -H "Content-Type: application/json" \
  -d '{
    "flow_execution_id": "test_mixed",
    "events": [
      {
        "action_type": "create_customer", 
        "payload": {"email": "mixed@test.com", "first_name": "Mixed"}
      },
      {
        "action_type": "send_welcome_email",
        "plugin_id": "87312788-df51-4002-8eca-9cfc3e3f7d8e",
        "payload": {"user_id": "mixed_123", "email": "mixed@test.com"}
      }
    ]
  }' | jq '.summary' || echo "Mixed actions response received"

echo -e "\n✅ Plugin action testing completed!"
