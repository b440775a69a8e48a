#!/usr/bin/env bash
# Runs one project's Jest suite in native ESM mode (NestJS 12 and @nats-io v3 are ESM-only) and
# writes its JSON report for the summary line of scripts/test.sh. Usage: jest.sh <project-dir> [jest args]
set -euo pipefail
project_dir=$1
shift
name=$(basename "$project_dir")
mkdir -p tmp/test-results
exec node --experimental-vm-modules --no-warnings node_modules/jest/bin/jest.js \
  -c "$project_dir/jest.config.js" --json --outputFile="tmp/test-results/$name.json" "$@"
