#!/usr/bin/env bash
# THE test command (`npm test`, and so CI). Stages run in order and stop at the first failure
# with a banner naming it. Every mocha run writes JSON results to test-artifacts/results/;
# the last line is `N passed, N failed` over all of them (a stage that failed without
# results counts as one failure). Logs, screenshots and code-server logs: test-artifacts/.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ARTIFACTS="$ROOT/test-artifacts"
RESULTS="$ARTIFACTS/results"
REPORTER="out/test/runner/specJsonReporter.js"
export FORCE_COLOR="${FORCE_COLOR:-0}"

rm -rf "$ARTIFACTS" # this run's logs, results and screenshots only
mkdir -p "$RESULTS"
run_start=$(date +%s)
stage_failures=0
stage_no=0
stage_total=12
timings=()

banner() { printf '\n\033[1m=== [%s/%s] %s ===\033[0m\n' "$stage_no" "$stage_total" "$1"; }

summary() {
  node -e '
    const fs = require("fs"), path = require("path");
    const dir = process.argv[1];
    let passed = 0, failed = Number(process.argv[2]);
    const lines = [];
    for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
      if (!file.endsWith(".json")) continue;
      try {
        const { stats } = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
        passed += stats.passes; failed += stats.failures;
        lines.push(`  ${file.replace(/\.json$/, "").padEnd(12)} ${stats.passes} passed, ${stats.failures} failed`);
      } catch (error) {
        failed += 1;
        lines.push(`  ${file}: unreadable results (${error.message})`);
      }
    }
    console.log("\nResults by run:\n" + (lines.join("\n") || "  (none)"));
    console.log(`${passed} passed, ${failed} failed`);
  ' "$RESULTS" "$stage_failures"
}

finish() {
  local code=$1
  echo
  printf 'Stage timings:%s\n' "$(printf ' %s;' "${timings[@]}")"
  echo "Total: $(( $(date +%s) - run_start )) s"
  summary
  exit "$code"
}

# stage NAME RESULTS_FILE(or -) COMMAND...: run, time, and stop everything on failure.
stage() {
  local name=$1 results=$2
  shift 2
  stage_no=$((stage_no + 1))
  banner "$name"
  local start
  start=$(date +%s)
  "$@"
  local code=$?
  timings+=("$name $(( $(date +%s) - start ))s")
  if [ "$code" != 0 ]; then
    # Counted as one failure unless its mocha results already count the failing tests.
    if [ "$results" = - ] || [ ! -s "$results" ]; then stage_failures=$((stage_failures + 1)); fi
    printf '\n\033[1;31m*** FAILED: %s (exit %s) — stopping here ***\033[0m\n' "$name" "$code"
    finish 1
  fi
}

# mocha_run NAME DIR [mocha args]: plain-node mocha over DIR/**/*.test.js; none there = skipped.
mocha_run() {
  local name=$1 dir=$2
  shift 2
  if [ -z "$(find "$dir" -name '*.test.js' -print -quit 2>/dev/null)" ]; then
    echo "no test files under $dir: nothing to run"
    return 0
  fi
  npx mocha --reporter "$REPORTER" --reporter-option "json=$RESULTS/$name.json" "$@" "$dir/**/*.test.js"
}

check_vsix() {
  local listing
  listing="$(npx vsce ls --no-dependencies 2>/dev/null)" || { echo "vsce ls failed"; return 1; }
  echo "$listing"
  local missing=0
  for required in package.json package.nls.json dist/extension.js dist/sdk.js dist/yaml.js dist/webview.js dist/webview.css dist/search.js dist/search.css dist/describeContactDocs.json media/icon.png; do
    grep -qx "$required" <<<"$listing" || { echo "VSIX is missing $required"; missing=1; }
  done
  if grep -E '^(src|test|out|node_modules|webview|scripts|\.cache)/|\.map$|\.ts$' <<<"$listing" | grep -v '\.d\.ts$'; then
    echo "VSIX carries files it should not (above)"
    missing=1
  fi
  [ -s dist-vsix/connect-contact-explorer.vsix ] || { echo "dist-vsix/connect-contact-explorer.vsix was not written"; missing=1; }
  return "$missing"
}

stage "setup (Debian packages, node_modules, code-server)" - bash scripts/setup.sh
stage "typecheck" - npm run --silent typecheck
stage "lint" - npm run --silent lint
stage "build (esbuild)" - node scripts/build.mjs
stage "compile tests (tsc -p tsconfig.test.json)" - bash -c 'rm -rf out && npx tsc -p tsconfig.test.json'
stage "unit tests" "$RESULTS/unit.json" mocha_run unit out/test/unit
stage "integration tests (real SDK and AWS CLI against the local endpoint)" "$RESULTS/integration.json" \
  mocha_run integration out/test/integration --timeout 20000
stage "webview tests" "$RESULTS/webview.json" mocha_run webview out/test/webview --timeout 20000
# vsce does not create the --out folder (a fresh clone has none).
stage "package the VSIX" - bash -c 'mkdir -p dist-vsix && npm run --silent package'
stage "check the VSIX contents" - check_vsix
stage "extension-host suite in code-server" "$RESULTS/ext-host.json" node out/test/runner/runExtensionHostTests.js
stage "UI tests (packaged VSIX in code-server, Chromium)" "$RESULTS/ui.json" \
  mocha_run ui out/test/ui --require out/test/ui/hooks.js --timeout 120000

finish 0
