#!/usr/bin/env bash
# buf breaking (FILE) of the working tree's proto/ against main. On main itself this compares main with
# its own last commit's parent when there is one, so a commit that breaks the wire contract fails CI.
set -euo pipefail
cd "$(dirname "$0")/.."
against_ref=""
if git rev-parse --verify -q main >/dev/null && [ "$(git rev-parse HEAD)" != "$(git rev-parse main)" ]; then
  against_ref=main
elif git rev-parse --verify -q origin/main >/dev/null && [ "$(git rev-parse HEAD)" != "$(git rev-parse origin/main)" ]; then
  against_ref=origin/main
elif git rev-parse --verify -q HEAD~1 >/dev/null; then
  against_ref=HEAD~1
fi
if [ -z "$against_ref" ]; then
  echo "buf breaking: no earlier commit to compare against (first commit); nothing to check"
  exit 0
fi
if ! git cat-file -e "$against_ref:proto/buf.yaml" 2>/dev/null; then
  echo "buf breaking: $against_ref has no proto/buf.yaml yet; nothing to compare"
  exit 0
fi
buf breaking proto --against ".git#ref=$(git rev-parse "$against_ref"),subdir=proto"
echo "buf breaking: no breaking change against $against_ref"
