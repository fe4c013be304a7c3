#!/usr/bin/env bash
# Runs the official MCP conformance suite against /mcp of a freshly started server.
# MCP_HTTP_AUTH=none because the suite cannot send a bearer token (loopback only; see README).
# The suite is one client firing ~150 requests in under a second, all on the one anonymous token,
# so the per-token rate limit (default burst 60) is raised for this run; it is tested in test/http.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
port=${CONFORMANCE_PORT:-18931}
CRM_RATE_LIMIT_BURST=100000 CRM_RATE_LIMIT_PER_MINUTE=100000 CRM_DATA_DIR="$data" PORT="$port" HOST=127.0.0.1 MCP_HTTP_AUTH=none LOG_LEVEL=warn node dist/src/cli.js start >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
  kill -0 $pid 2>/dev/null || { cat "$data/server.log"; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { echo "server not ready"; cat "$data/server.log"; exit 1; }
npx conformance server --url "http://127.0.0.1:$port/mcp" --expected-failures .ci/conformance-expected-failures.yml
