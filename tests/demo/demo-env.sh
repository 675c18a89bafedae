#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# Shared by run-demo.sh and installer/check-package.sh: starts msb-sandbox with the demo MISP data,
# two demo tenants and three workspaces on 127.0.0.1, and prepares a throw-away HOME/XDG tree with a
# ready "Demo" profile. Secrets of the demo exist only in the sandbox's config file (a temporary
# file of the fake server) and in the environment of the demo processes - never in our settings.
#
#   source tests/demo/demo-env.sh
#   demo_start BUILD_DIR APP_BINARY     # sets DEMO_DIR, DEMO_URL, exports the demo environment
#   demo_stop
set -euo pipefail

DEMO_SOURCE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Fixed demo identities (GUIDs from the documentation ranges of no real tenant).
DEMO_TENANT_A=11111111-aaaa-4aaa-8aaa-000000000001
DEMO_TENANT_B=22222222-bbbb-4bbb-8bbb-000000000002
DEMO_CLIENT_A=aaaaaaaa-0000-4000-8000-00000000000a
DEMO_CLIENT_B=bbbbbbbb-0000-4000-8000-00000000000b
DEMO_WS_PROD=c0ffee00-0000-4000-8000-000000000001
DEMO_WS_TEST=c0ffee00-0000-4000-8000-000000000002
DEMO_WS_PARTNER=c0ffee00-0000-4000-8000-000000000003

demo_guid_var() { echo "$1" | tr 'a-z-' 'A-Z_'; }

demo_start() { # demo_start BUILD_DIR APP
  local build=$1 app=$2
  local sandbox="$build/msb-sandbox"
  [[ -x $sandbox ]] || sandbox="$build/tests/sandbox/msb-sandbox"
  [[ -x $sandbox ]] || { echo "demo: $sandbox is missing (build the msb-sandbox target)" >&2; return 1; }
  [[ -x $app || -n $(command -v "$app") ]] || { echo "demo: $app is missing" >&2; return 1; }
  DEMO_DIR=$(mktemp -d /tmp/msb-demo.XXXXXX)
  mkdir -p -m 700 "$DEMO_DIR/home" "$DEMO_DIR/config" "$DEMO_DIR/data" "$DEMO_DIR/run"
  # Per-run random secrets: nothing to leak, nothing reused.
  local misp_key secret_a secret_b
  misp_key=demo-misp-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  secret_a=demo-secret-a-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  secret_b=demo-secret-b-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  (umask 077; cat >"$DEMO_DIR/sandbox.json" <<JSON
{
  "http": {"enabled": true, "port": 0},
  "https": {"enabled": false},
  "tokenLifetime": 3599,
  "tenants": [
    {"id": "$DEMO_TENANT_A", "domains": ["contoso-demo.onmicrosoft.com"],
     "apps": [{"clientId": "$DEMO_CLIENT_A", "secrets": [{"value": "$secret_a"}]}]},
    {"id": "$DEMO_TENANT_B", "domains": ["fabrikam-demo.onmicrosoft.com"],
     "apps": [{"clientId": "$DEMO_CLIENT_B", "secrets": [{"value": "$secret_b"}]}]}
  ],
  "workspaces": [
    {"id": "$DEMO_WS_PROD", "tenant": "$DEMO_TENANT_A", "grants": ["$DEMO_CLIENT_A"]},
    {"id": "$DEMO_WS_TEST", "tenant": "$DEMO_TENANT_A", "grants": ["$DEMO_CLIENT_A"]},
    {"id": "$DEMO_WS_PARTNER", "tenant": "$DEMO_TENANT_B", "grants": ["$DEMO_CLIENT_B"]}
  ],
  "modules": {"misp": {"directory": "$DEMO_SOURCE_DIR/resources/demo/misp", "apiKey": "$misp_key",
                       "organisation": "Demo CERT", "email": "analyst@demo-cert.example"}}
}
JSON
  )
  "$sandbox" --config "$DEMO_DIR/sandbox.json" --ready-file "$DEMO_DIR/ready.json" \
      >"$DEMO_DIR/sandbox.log" 2>&1 &
  DEMO_SANDBOX_PID=$!
  local i
  for i in $(seq 1 100); do
    [[ -s $DEMO_DIR/ready.json ]] && break
    kill -0 "$DEMO_SANDBOX_PID" 2>/dev/null || { cat "$DEMO_DIR/sandbox.log" >&2; return 1; }
    sleep 0.1
  done
  [[ -s $DEMO_DIR/ready.json ]] || { echo "demo: the sandbox did not start" >&2; cat "$DEMO_DIR/sandbox.log" >&2; return 1; }
  DEMO_URL=$(sed -n 's/.*"http": *"\([^"]*\)".*/\1/p' "$DEMO_DIR/ready.json" | head -1)
  DEMO_URL=${DEMO_URL%/}

  # The environment every demo process runs in: private HOME and XDG dirs, secrets only here.
  export HOME="$DEMO_DIR/home" XDG_CONFIG_HOME="$DEMO_DIR/config" XDG_DATA_HOME="$DEMO_DIR/data"
  export XDG_CACHE_HOME="$DEMO_DIR/cache" XDG_RUNTIME_DIR="$DEMO_DIR/run"
  export MSB_SECRETS=env MSB_PROFILE=Demo
  export MSB_MISP_KEY_DEMO="$misp_key"
  export "MSB_CLIENT_SECRET_$(demo_guid_var $DEMO_TENANT_A)_$(demo_guid_var $DEMO_CLIENT_A)=$secret_a"
  export "MSB_CLIENT_SECRET_$(demo_guid_var $DEMO_TENANT_B)_$(demo_guid_var $DEMO_CLIENT_B)=$secret_b"

  sed -e "s|@URL@|$DEMO_URL|g" \
      -e "s|@TENANT_A@|$DEMO_TENANT_A|g" -e "s|@TENANT_B@|$DEMO_TENANT_B|g" \
      -e "s|@CLIENT_A@|$DEMO_CLIENT_A|g" -e "s|@CLIENT_B@|$DEMO_CLIENT_B|g" \
      -e "s|@WS_PROD@|$DEMO_WS_PROD|g" -e "s|@WS_TEST@|$DEMO_WS_TEST|g" -e "s|@WS_PARTNER@|$DEMO_WS_PARTNER|g" \
      "$DEMO_SOURCE_DIR/tests/demo/demo-profile.json.in" >"$DEMO_DIR/demo-profile.json"
  "$app" profiles import --name Demo --profile-json "$DEMO_DIR/demo-profile.json" --set-default >/dev/null
}

demo_stop() {
  if [[ -n ${DEMO_SANDBOX_PID:-} ]]; then
    kill "$DEMO_SANDBOX_PID" 2>/dev/null || true
    wait "$DEMO_SANDBOX_PID" 2>/dev/null || true
    DEMO_SANDBOX_PID=
  fi
  [[ -n ${DEMO_DIR:-} && -d $DEMO_DIR && ${MSB_DEMO_KEEP:-0} != 1 ]] && rm -rf "$DEMO_DIR"
  return 0
}
