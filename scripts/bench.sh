#!/usr/bin/env bash
# `npm run bench [-- --quick]`: the benchmarks (bench/), baseline beside Warmline, medians of runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
export PATH="$PWD/node_modules/.bin:$PATH" NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
nx run bench:build --outputStyle=static >/dev/null
exec node bench/dist/main.js "$@"
