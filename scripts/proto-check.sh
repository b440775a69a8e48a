#!/usr/bin/env bash
# Fails when the committed generated code in libs/contracts/src/generated is not what
# scripts/proto-gen.sh produces from proto/ (someone edited a .proto without regenerating, or edited
# generated code by hand).
set -euo pipefail
cd "$(dirname "$0")/.."

committed=libs/contracts/src/generated
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT

bash scripts/proto-gen.sh "$fresh" >/dev/null
if ! diff -r -q "$committed" "$fresh" >/dev/null 2>&1; then
  echo "proto-check: $committed is out of date with proto/." >&2
  diff -r -q "$committed" "$fresh" >&2 || true
  echo "proto-check: run 'npm run proto:gen' (scripts/proto-gen.sh) and commit the result." >&2
  exit 1
fi
echo "proto-check: generated code matches proto/"
