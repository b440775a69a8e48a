#!/usr/bin/env bash
# `npm run audit -- <interactionId> [--json]`: one interaction's story from the store (tools/stack/src/audit.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH" NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
nx run local-stack:build --outputStyle=static >/dev/null
exec node tools/stack/dist/audit.js "$@"
