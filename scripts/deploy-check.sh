#!/usr/bin/env bash
# Validates everything under deploy/ offline (no Docker engine, no cluster, no Jaeger needed):
#   - every Dockerfile: dockerfile-utils (syntax, semantics) + Warmline's image rules
#   - the compose file: docker-compose 1.29 `config` with the committed .env.example, then its policy
#   - the Kubernetes base and overlays: rendered by kubectl's kustomize, then schema, known fields and
#     workload policy; the NATS Helm chart values; the campaign policy the ConfigMap ships
#   - every NATS server config: `nats-server -t` with dummy passwords (keys newer than the local server
#     are blanked and listed: see tools/deploy-checks/src/nats/newer-server-keys.ts)
# Needs docker-compose (apt), kubectl with kustomize v4+ (kubectl ≥ 1.21) and nats-server.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH" NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

missing=()
command -v docker-compose >/dev/null 2>&1 || missing+=("docker-compose (apt-get install docker-compose)")
command -v kubectl >/dev/null 2>&1 || missing+=("kubectl ≥ 1.21 (its embedded kustomize renders deploy/k8s)")
if ! command -v nats-server >/dev/null 2>&1 && [ ! -x /usr/sbin/nats-server ]; then
  missing+=("nats-server (apt-get install nats-server)")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  printf '[deploy-check] missing: %s\n' "${missing[@]}" >&2
  exit 2
fi

nx run deploy-checks:build --outputStyle=static >/dev/null
check() { node tools/deploy-checks/dist/main.js "$@"; }

status=0
mapfile -t dockerfiles < <(find deploy -type f \( -name Dockerfile -o -name '*.Dockerfile' \) | sort)
mapfile -t overlays < <(find deploy/k8s/overlays -mindepth 1 -maxdepth 1 -type d | sort)

echo "[deploy-check] Dockerfiles: ${dockerfiles[*]}"
check dockerfile "${dockerfiles[@]}" || status=1
echo "[deploy-check] compose"
check compose deploy/compose/docker-compose.yml deploy/compose/.env.example || status=1
echo "[deploy-check] Kubernetes: deploy/k8s/base ${overlays[*]}"
check kustomize deploy/k8s/base "${overlays[@]}" || status=1
check nats-chart-values deploy/k8s/nats/values.yaml || status=1
check policies deploy/k8s/base/policies/*.yaml || status=1
echo "[deploy-check] NATS configs"
check nats --root deploy/nats deploy/nats/nats-server.conf deploy/nats/cluster/node-*.conf || status=1

if [ "$status" -ne 0 ]; then
  echo "[deploy-check] FAILED" >&2
else
  echo "[deploy-check] all deployment files valid"
fi
exit "$status"
