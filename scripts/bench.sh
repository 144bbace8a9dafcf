#!/usr/bin/env bash
# npm run bench: production build + VSIX, the bench bundles, the local Amazon Connect
# endpoint (its own process, 127.0.0.1), then bench/run.ts; the endpoint is stopped on
# any exit. Prints a table and writes bench-results.json. A missed target is reported,
# not an error. Env: BENCH_{ACTIVATION,RENDER}_RUNS, BENCH_WARM_ITERATIONS, CHROMIUM_PATH,
# BENCH_ONLY=Render,Sizes (run only those parts; the issue-17 parts are Export throughput,
# Export memory and Search: BENCH_ONLY=Export,Search). BENCH_EXPORT_SECONDS (default 100: 200,
# 1,000 and 5,000 contacts at 2, 10 and 50 requests/s, as issue 17 asks; the three rates then
# take about 7 minutes with their CLI loops) and BENCH_EXPORT_CLI_SECONDS (default 30: how long
# the aws CLI loop runs at each rate) shorten the export rows.
set -euo pipefail
cd "$(dirname "$0")/.."

endpoint_pid=""
cleanup() {
  if [ -n "$endpoint_pid" ] && kill -0 "$endpoint_pid" 2>/dev/null; then
    kill "$endpoint_pid" 2>/dev/null || true
    wait "$endpoint_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

snapshot=.cache/bench/dist
mkdir -p .cache/bench dist-vsix
rm -rf "$snapshot" .cache/bench/connect-contact-explorer.vsix
rm -f dist-vsix/connect-contact-explorer.vsix
echo "[bench] npm run package (production build + VSIX)" >&2
if npm run --silent package >.cache/bench/package.log 2>&1; then
  cp dist-vsix/connect-contact-explorer.vsix .cache/bench/
else
  echo "[bench] npm run package failed (see .cache/bench/package.log); sizes will show no VSIX" >&2
  tail -n 20 .cache/bench/package.log >&2 || true
fi
# Benchmark a private copy of dist/: other work in this tree may rebuild (and first wipe)
# dist/ at any moment. A copy that misses a file, or is a development build (source maps),
# is built again once.
for attempt in 1 2; do
  rm -rf "$snapshot"
  cp -r dist "$snapshot" 2>/dev/null || true
  if [ -f "$snapshot/extension.js" ] && [ -f "$snapshot/sdk.js" ] && [ -f "$snapshot/webview.js" ] && [ -f "$snapshot/webview.css" ] && [ ! -f "$snapshot/extension.js.map" ]; then break; fi
  if [ "$attempt" = 2 ]; then echo "[bench] dist/ is incomplete after a production build" >&2; exit 1; fi
  echo "[bench] dist/ changed under us; building it again (production)" >&2
  node scripts/build.mjs --production >>.cache/bench/package.log 2>&1 || { echo "[bench] production build failed" >&2; tail -n 30 .cache/bench/package.log >&2; exit 1; }
done

echo "[bench] bundling the benchmark scripts" >&2
node bench/build.mjs

port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
node .cache/bench/endpoint.js --port "$port" --quiet >.cache/bench/endpoint.log 2>&1 &
endpoint_pid=$!
for _ in $(seq 1 100); do
  if node -e "require('net').connect($port,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))" 2>/dev/null; then break; fi
  if ! kill -0 "$endpoint_pid" 2>/dev/null; then echo "[bench] the local endpoint exited:" >&2; cat .cache/bench/endpoint.log >&2; exit 1; fi
  sleep 0.1
done

BENCH_ENDPOINT_URL="http://127.0.0.1:$port" node .cache/bench/run.js
