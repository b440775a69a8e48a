#!/usr/bin/env bash
# The README's test command: set-up, then formatting, lint (incl. module boundaries), type-check,
# protobuf lint/breaking/generation checks, and every project's tests. Ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH" NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

step() { printf '\n==> %s\n' "$*"; }

step "format (nx format:check — Prettier)"
nx format:check --all

step "protobuf: buf lint, breaking-change check, generated code up to date"
bash scripts/proto-lint.sh
bash scripts/proto-breaking.sh
bash scripts/proto-check.sh

step "lint + type-check (all projects)"
nx run-many -t lint typecheck --parallel=2 --outputStyle=stream --skipNxCache

step "deployment files: Dockerfiles, compose, Kubernetes manifests, NATS configs (offline)"
bash scripts/deploy-check.sh

step "tests (all projects)"
rm -rf tmp/test-results && mkdir -p tmp/test-results
status=0
nx run-many -t test --parallel=2 --outputStyle=stream --skipNxCache || status=$?
node scripts/test-summary.mjs tmp/test-results || status=1
exit "$status"
