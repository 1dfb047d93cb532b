#!/usr/bin/env bash
# Probes the built server with a client we did not write (../shared/eval/mcp-probe.sh beside
# the repository: the official MCP Inspector CLI plus raw JSON-RPC checks), with the calls of
# probe-calls.json, over stdio and over Streamable HTTP on a free port.
# `probe.sh stdio` or `probe.sh http` runs one pass (CI runs the two side by side), no argument
# both. Exit 0 when the passes run pass. When the probe is not there (it is external), a loud SKIPPED on
# stderr, and exit 3 under CI=true (.ci/run, where it must run) or 0 on a developer's machine.
# MCP_PROBE=path overrides where the probe is looked for; MCP_PROBE=skip skips it on purpose
# (the GitHub workflow, whose runners have no ../shared beside the clone), saying so.
set -euo pipefail
cd "$(dirname "$0")/.."
passes="${1:-stdio http}"
case "$passes" in
  stdio | http | "stdio http") ;;
  *) echo "probe.sh: the pass is stdio or http (or none for both), not \"$passes\"" >&2; exit 3 ;;
esac
probe="${MCP_PROBE:-../../../shared/eval/mcp-probe.sh}"
if [ "$probe" = skip ]; then
  echo "probe: SKIPPED: MCP_PROBE=skip; the MCP probe did not run" >&2
  exit 0
fi
if [ ! -f "$probe" ]; then
  echo "probe: SKIPPED: $probe not found beside the repository (set MCP_PROBE=path); the MCP probe did not run" >&2
  if [ "${CI:-}" = "true" ]; then
    echo "probe: failing, since CI=true: in CI the probe must run" >&2
    exit 3
  fi
  exit 0
fi
[ -f dist/main.js ] || npm run --silent build
# Over HTTP the probe sends no token: make sure the server asks for none.
unset CORROBORATE_MCP_TOKEN
calls=(--max-bytes 25000 --calls probe-calls.json)
status=0

if [[ "$passes" == *stdio* ]]; then
  echo "--- MCP probe over stdio"
  # In memory: the probe adds articles, and a run must not find the last run's.
  bash "$probe" "${calls[@]}" -- node dist/main.js --data :memory: || status=$?
fi
[[ "$passes" == *http* ]] || exit "$status"

echo "--- MCP probe over Streamable HTTP"
port="$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close() })')"
log="$(mktemp "${TMPDIR:-/tmp}/corroborate-mcp-http.XXXXXX")"
node dist/main.js --data :memory: --http --port "$port" 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 300); do
  grep -q 'listening on' "$log" && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if grep -q 'listening on' "$log"; then
  bash "$probe" "${calls[@]}" "http://127.0.0.1:$port/mcp" || status=$?
else
  echo "probe: the HTTP server did not start on port $port:" >&2
  cat "$log" >&2
  status=2
fi
exit "$status"
