#!/usr/bin/env bash
# Installs what the tests and the demo need on a fresh machine of this project's kind
# (Debian 12, Node 20, root, npm registry and Debian apt only). Idempotent: a second
# run checks a stamp and the binaries and says there is nothing to do.
#   - Debian: chromium (Playwright drives it), libkrb5-dev (code-server's kerberos
#     module builds against it), ripgrep (seeds @vscode/ripgrep's download cache),
#     awscli (AWS CLI v2 at /usr/bin/aws; the CLI tests run it next to the v1 `aws` on PATH).
#   - code-server@4.100.3 (real VS Code 1.100.3, Node 20 engine) in .cache/code-server/.
#   - node_modules via `npm ci` when missing or older than package-lock.json.
# See shared REAL-VSCODE.md for why each install flag is there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CODE_SERVER_VERSION="4.100.3"
CS_DIR="$ROOT/.cache/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
CS_STAMP="$CS_DIR/.installed-$CODE_SERVER_VERSION"
# @vscode/ripgrep's postinstall looks here before downloading from GitHub (no internet here).
RG_CACHE_DIR="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
RG_TARBALL="$RG_CACHE_DIR/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

start=$(date +%s)
did=()
log() { printf '[setup] %s\n' "$*"; }

# --- Debian packages ---------------------------------------------------------
# openssl makes the TLS tests' certificates; python3, make and g++ build code-server's native modules;
# awscli is AWS CLI v2 (2.9.x, /usr/bin/aws), which test/integration/cli reads the endpoint with.
apt_packages=(chromium libkrb5-dev ripgrep openssl python3 make g++ awscli)
missing=()
for pkg in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  apt_log="$(mktemp)"
  # Quiet unless it fails (debconf's notes on stderr included); the log is shown then.
  if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$apt_log" 2>&1; then
    tail -40 "$apt_log" >&2
    log "apt-get install FAILED: ${missing[*]}" >&2
    rm -f "$apt_log"
    exit 1
  fi
  rm -f "$apt_log"
  did+=("apt: ${missing[*]}")
fi

# --- npm dependencies --------------------------------------------------------
if [ -L "$ROOT/node_modules" ]; then
  # npm ci would empty the folder it points at (another checkout's): leave it alone.
  log "node_modules is a symlink: not running npm ci"
elif [ ! -d "$ROOT/node_modules" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  log "npm ci (node_modules missing or older than package-lock.json)"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
  did+=("npm ci")
fi

# --- code-server -------------------------------------------------------------
if [ -f "$CS_STAMP" ] && [ -x "$CS_BIN" ]; then
  :
else
  log "installing code-server@$CODE_SERVER_VERSION into .cache/code-server (about a minute)"
  cs_start=$(date +%s)
  if [ ! -f "$RG_TARBALL" ]; then
    mkdir -p "$RG_CACHE_DIR"
    rg_stage="$(mktemp -d)"
    cp /usr/bin/rg "$rg_stage/rg"
    tar -czf "$RG_TARBALL" -C "$rg_stage" rg
    rm -rf "$rg_stage"
  fi
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  printf '{ "name": "code-server-cache", "private": true }\n' >"$CS_DIR/package.json"
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$node_major" != 20 ]; then
    # code-server 4.100.x targets Node 20; its postinstall refuses other majors unless forced.
    log "warning: Node $node_major, code-server $CODE_SERVER_VERSION wants Node 20; forcing"
    export FORCE_NODE_VERSION="$node_major"
  fi
  # --unsafe-perm: lifecycle scripts as root; npm_config_yes: node-pty's `npx node-gyp`
  # would otherwise wait for a "yes" on a terminal nobody is at.
  if ! (cd "$CS_DIR" && npm_config_yes=true npm install --unsafe-perm --no-audit --no-fund \
        --loglevel=error "code-server@$CODE_SERVER_VERSION" >"$CS_DIR/install.log" 2>&1); then
    tail -40 "$CS_DIR/install.log" >&2
    log "code-server install FAILED (full log: $CS_DIR/install.log)" >&2
    exit 1
  fi
  "$CS_BIN" --version >/dev/null
  touch "$CS_STAMP"
  did+=("code-server $CODE_SERVER_VERSION in $(( $(date +%s) - cs_start ))s")
fi

if ((${#did[@]})); then
  (IFS=";"; log "done in $(( $(date +%s) - start ))s: ${did[*]}")
else
  log "nothing to do: Debian packages, node_modules and code-server $CODE_SERVER_VERSION are in place"
fi
