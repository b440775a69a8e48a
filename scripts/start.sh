#!/usr/bin/env bash
# The README's first command: set-up, build every app, then the local stack and a simulated campaign
# (tools/stack). Arguments pass through: npm start -- --help
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH" NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
echo "[warmline] building the agents, the gateway and the simulator"
nx run-many -t build -p perception qualification escalation-governor router scheduler gateway simulator local-stack \
  --outputStyle=static >/dev/null
# `bash scripts/start.sh -- --flag` works like `npm start -- --flag`
if [[ "${1:-}" == "--" ]]; then shift; fi
exec node tools/stack/dist/main.js "$@"
