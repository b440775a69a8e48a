#!/usr/bin/env bash
# The README's first command: set-up, build, then the local stack (tools/stack). Arguments pass through.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH" NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
nx run local-stack:build --outputStyle=static >/dev/null
exec node tools/stack/dist/main.js "$@"
