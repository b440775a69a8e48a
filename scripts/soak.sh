#!/usr/bin/env bash
# The chaos soak: a simulated campaign against the whole stack while every agent is SIGKILLed and
# restarted in turn (apps/e2e/src/chaos.soak.ts). Usage: npm run soak [-- --quick]
#   --quick   the bounded form CI runs (16 calls per mode, a kill every 2.5 s: about a minute)
# Sized by WARMLINE_SOAK_CALLS (per mode, default 60), WARMLINE_SOAK_MODES (default warm,cold) and
# WARMLINE_SOAK_KILL_EVERY_MS (default 6000) otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--" ]]; then shift; fi
if [[ "${1:-}" == "--quick" ]]; then
  export WARMLINE_SOAK_CALLS="${WARMLINE_SOAK_CALLS:-16}" WARMLINE_SOAK_KILL_EVERY_MS="${WARMLINE_SOAK_KILL_EVERY_MS:-2500}"
  shift
fi
if [[ $# -gt 0 ]]; then
  echo "usage: npm run soak [-- --quick]" >&2
  exit 2
fi
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH" NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
nx run-many -t build -p perception qualification escalation-governor router scheduler simulator \
  --outputStyle=static >/dev/null
mkdir -p tmp/test-results
exec node --experimental-vm-modules --no-warnings node_modules/jest/bin/jest.js \
  -c apps/e2e/jest.soak.config.js --runInBand --verbose
