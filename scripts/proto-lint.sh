#!/usr/bin/env bash
# buf lint (STANDARD) over proto/.
set -euo pipefail
cd "$(dirname "$0")/../proto"
buf lint
echo "buf lint: ok"
