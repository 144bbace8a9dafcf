#!/usr/bin/env bash
# `npm run demo`: the packaged extension in real VS Code (code-server) against the local Amazon
# Connect endpoint with its sample contacts, through the `local` profile of the test fixtures.
# Prints the URL to open and sample contact IDs; Ctrl-C stops everything it started.
#   DEMO_PORT (default 8080) and DEMO_ENDPOINT_PORT (default 4566): used when free, else any free port.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DEMO_DIR="$ROOT/.cache/demo"
CODE_SERVER="$ROOT/.cache/code-server/node_modules/.bin/code-server"
VSIX="$ROOT/dist-vsix/connect-contact-explorer.vsix"
log() { printf '[demo] %s\n' "$*"; }

bash scripts/setup.sh
log "building and packaging the extension"
mkdir -p dist-vsix "$DEMO_DIR"
npm run --silent package >"$DEMO_DIR/package.log" 2>&1 || { cat "$DEMO_DIR/package.log"; log "packaging failed"; exit 1; }

# A port that is free now: the preferred one if nobody holds it, else one the OS picks.
pick_port() {
  node -e '
    const net = require("net");
    const tryPort = (port) => new Promise((resolve) => {
      const server = net.createServer().once("error", () => resolve(undefined));
      server.listen(port, "127.0.0.1", () => { const p = server.address().port; server.close(() => resolve(p)); });
    });
    (async () => console.log((await tryPort(Number(process.argv[1]))) ?? (await tryPort(0))))();
  ' "$1"
}

wait_http() { # URL SECONDS PID
  local deadline=$((SECONDS + $2))
  until curl -s -o /dev/null "$1"; do
    kill -0 "$3" 2>/dev/null || { log "process $3 exited before $1 answered"; return 1; }
    ((SECONDS < deadline)) || { log "$1 did not answer within $2 s"; return 1; }
    sleep 0.2
  done
}

pids=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  log "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Only the fixture profiles: never the machine's own AWS identity.
while read -r name; do unset "$name"; done < <(compgen -e | grep '^AWS_' || true)
export AWS_CONFIG_FILE="$ROOT/test/fixtures/aws/config"
export AWS_SHARED_CREDENTIALS_FILE="$ROOT/test/fixtures/aws/credentials"
export AWS_EC2_METADATA_DISABLED=true
unset PORT PASSWORD HASHED_PASSWORD

rm -rf "$DEMO_DIR/user-data" "$DEMO_DIR/extensions"
mkdir -p "$DEMO_DIR/workspace" "$DEMO_DIR/user-data/User" "$DEMO_DIR/extensions"
[ -f "$DEMO_DIR/workspace/notes.md" ] || printf '# Notes\n\nInsert contact fields here (Amazon Connect: Insert into Editor).\n' >"$DEMO_DIR/workspace/notes.md"

endpoint_port="$(pick_port "${DEMO_ENDPOINT_PORT:-4566}")"
endpoint_url="http://127.0.0.1:$endpoint_port"
log "starting the local Amazon Connect endpoint on $endpoint_url"
setsid npm run --silent endpoint -- --port "$endpoint_port" >"$DEMO_DIR/endpoint.log" 2>&1 &
pids+=($!)
wait_http "$endpoint_url/__control/requests" 60 "${pids[-1]}" || { cat "$DEMO_DIR/endpoint.log"; exit 1; }

cat >"$DEMO_DIR/user-data/User/settings.json" <<JSON
{
  "connectContacts.profile": "local",
  "connectContacts.region": "us-east-1",
  "connectContacts.endpointUrl": "$endpoint_url",
  "connectContacts.logsEndpointUrl": "$endpoint_url",
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "git.openRepositoryInParentFolders": "never",
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false
}
JSON
printf 'auth: none\ncert: false\n' >"$DEMO_DIR/config.yaml"
cs_args=(--config "$DEMO_DIR/config.yaml" --user-data-dir "$DEMO_DIR/user-data" --extensions-dir "$DEMO_DIR/extensions")

log "installing $(basename "$VSIX") into code-server"
"$CODE_SERVER" "${cs_args[@]}" --install-extension "$VSIX" --force >"$DEMO_DIR/install.log" 2>&1 \
  || { cat "$DEMO_DIR/install.log"; exit 1; }

cs_port="$(pick_port "${DEMO_PORT:-8080}")"
log "starting code-server on 127.0.0.1:$cs_port"
setsid "$CODE_SERVER" "${cs_args[@]}" --auth none --bind-addr "127.0.0.1:$cs_port" --disable-telemetry \
  --disable-update-check --disable-workspace-trust "$DEMO_DIR/workspace" >"$DEMO_DIR/code-server.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$cs_port/healthz" 60 "${pids[-1]}" || { tail -30 "$DEMO_DIR/code-server.log"; exit 1; }

# Sample IDs straight from the endpoint's data module (stable across runs).
sample() { sed -n "s/^ *$1: '\\([^']*\\)',.*/\\1/p" test/endpoint/sampleIds.ts | head -1; }
instance="$(sample instanceA)"
voice="$(sample voice)"
chat="$(sample chat)"
account="$(sample account)"

cat <<EOF

  Contact Explorer for Amazon Connect — demo
  Open:       http://127.0.0.1:$cs_port/?folder=$DEMO_DIR/workspace
  Endpoint:   $endpoint_url  (profile "local", region us-east-1, from test/fixtures/aws)

  Try: F1 → "Amazon Connect: Describe Contact"
    instance    $instance   (alias acme-support)
    contact     $voice   (inbound voice call)
    contact     $chat   (chat)
    or paste    arn:aws:connect:us-east-1:$account:instance/$instance/contact/$voice
  Or open the Amazon Connect view in the activity bar.

  Logs: $DEMO_DIR/{endpoint,code-server}.log     Ctrl-C stops the demo.

EOF
wait -n "${pids[@]}" || true
log "a demo process exited; stopping the rest"
