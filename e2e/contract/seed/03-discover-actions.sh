#!/bin/bash
# Verbatim from the seed document, with http://localhost:5173 replaced by ${BASE_URL}.
BASE_URL="${BASE_URL:-http://localhost:5173}"

# Get all registered actions
curl -X GET ${BASE_URL}/api/plugins/actions

# Filter by category
curl -X GET "${BASE_URL}/api/plugins/actions?category=email"

# Filter by plugin
curl -X GET "${BASE_URL}/api/plugins/actions?plugin=email-automation"
