#!/usr/bin/env bash
# Idempotent set-up for a fresh machine of this image: nats-server, then the pinned npm toolchain
# (Node 24 arrives as the `node` devDependency and is first on PATH inside npm scripts and npx).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*"; }

ensure_nats_server() {
  if command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ]; then
    return
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing nats-server from apt"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server >/dev/null
  else
    echo "[setup] nats-server is not installed and cannot be installed automatically;" \
      "install it (e.g. 'apt-get install nats-server') or put it on PATH" >&2
    exit 1
  fi
}

ensure_deploy_check_tools() {
  # scripts/deploy-check.sh validates deploy/compose with Debian's docker-compose 1.29 (offline).
  # kubectl (>= 1.21, for its embedded kustomize v4+) comes with this machine image; Debian's
  # kubernetes-client (1.20, kustomize v2.0.3) cannot render deploy/k8s, so it is no fallback.
  if ! command -v docker-compose >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      log "installing docker-compose from apt"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
    else
      echo "[setup] docker-compose is not installed (apt-get install docker-compose); scripts/deploy-check.sh needs it" >&2
      exit 1
    fi
  fi
  command -v kubectl >/dev/null 2>&1 ||
    log "warning: kubectl (>= 1.21) not found; scripts/deploy-check.sh cannot render deploy/k8s"
}

ensure_node_modules() {
  local stamp=node_modules/.warmline-lock.sha256
  local want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/.bin/node ]; then
    return
  fi
  log "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
}

check_node() {
  local v
  v=$(node_modules/.bin/node --version)
  case "$v" in
    v24.*) ;;
    *) echo "[setup] expected Node 24 from the 'node' devDependency, found $v" >&2; exit 1 ;;
  esac
}

ensure_nats_server
ensure_deploy_check_tools
ensure_node_modules
check_node
log "ready: $(node_modules/.bin/node --version), $( (command -v nats-server || echo /usr/sbin/nats-server) | xargs -I{} sh -c '{} --version')"
