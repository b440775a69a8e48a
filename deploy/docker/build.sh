#!/usr/bin/env bash
# Builds one app's image with deploy/docker/Dockerfile and tags it warmline/<app>:<version>, the version
# being the app's own package.json version (each service is versioned on its own). Also run as the Nx
# target `docker-build` of every app (deploy/docker/nx-docker-targets.js).
#
#   deploy/docker/build.sh [--dry-run] <app> [extra docker build arguments…]
#
# WARMLINE_IMAGE_REPOSITORY overrides the repository prefix (default "warmline", e.g.
# registry.example.com/warmline). --dry-run prints the docker command instead of running it.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
dry_run=false
if [ "${1:-}" = "--dry-run" ]; then
  dry_run=true
  shift
fi
app=${1:-}
if [ -z "$app" ]; then
  echo "usage: deploy/docker/build.sh [--dry-run] <app> [docker build arguments…]" >&2
  exit 2
fi
shift
if [ ! -f "$root/apps/$app/src/main.ts" ] || [ ! -f "$root/apps/$app/package.json" ]; then
  echo "no app \"$app\": expected apps/$app/src/main.ts and apps/$app/package.json" >&2
  exit 2
fi

version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$root/apps/$app/package.json" | head -n 1)
if [ -z "$version" ]; then
  echo "apps/$app/package.json has no \"version\"" >&2
  exit 2
fi
image="${WARMLINE_IMAGE_REPOSITORY:-warmline}/$app:$version"

command=(docker build
  --file "$root/deploy/docker/Dockerfile"
  --build-arg "APP=$app"
  --build-arg "VERSION=$version"
  --tag "$image"
  "$@"
  "$root")

if [ "$dry_run" = true ]; then
  printf '%q ' "${command[@]}"
  printf '\n'
else
  # BuildKit reads Dockerfile.dockerignore beside the Dockerfile and provides the npm cache mount.
  DOCKER_BUILDKIT=1 "${command[@]}"
  echo "built $image"
fi
