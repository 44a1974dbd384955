#!/usr/bin/env bash
# Makes a Docker daemon and the samples' Python image available on a Debian machine without a container registry
# (CI and fresh machines): installs Debian's docker.io and mmdebstrap if missing, starts dockerd if nothing answers on
# /var/run/docker.sock, and builds a Python image from Debian packages, tagged with every image name that
# samples/*/manifest.json uses (plus python:3.11-slim-bookworm, which the tests use). Idempotent: every step is skipped
# when its result is already there. Run as root. About 45 s the first time (the image build), 1 s after that.
#
# Usage: bash eng/docker-setup.sh [extra-image-tag ...]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
socket=/var/run/docker.sock
log() { printf 'docker-setup: %s\n' "$*"; }

# 1. Packages. Another docker CLI may be on PATH already (e.g. a static client in /usr/local/bin): what is needed is
#    the daemon, so look for dockerd, not docker.
missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v mmdebstrap >/dev/null 2>&1 || missing+=(mmdebstrap)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's client speaks the daemon's API version; prefer it over any other docker on PATH.
docker=/usr/bin/docker
[ -x "$docker" ] || docker="$(command -v docker)"

# 2. The daemon.
answers() { curl -fsS --max-time 2 --unix-socket "$socket" http://localhost/_ping >/dev/null 2>&1 || "$docker" -H "unix://$socket" version >/dev/null 2>&1; }
if answers; then
  log "dockerd already answers on $socket"
else
  log "starting dockerd (log: /var/log/dockerd.log)"
  # setsid: the daemon must outlive this script and must not get the terminal's Ctrl+C.
  setsid dockerd >/var/log/dockerd.log 2>&1 < /dev/null &
  for _ in $(seq 1 60); do
    answers && break
    sleep 0.5
  done
  if ! answers; then
    log "dockerd did not answer on $socket within 30 s; last lines of /var/log/dockerd.log:"
    tail -n 20 /var/log/dockerd.log >&2 || true
    exit 1
  fi
  log "dockerd is up ($("$docker" version --format '{{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null))"
fi

# 3. The Python image, tagged with the samples' image names.
tags=(python:3.11-slim-bookworm "$@")
for manifest in "$repo"/samples/*/manifest.json; do
  [ -f "$manifest" ] || continue
  # The container value only; the SDK's own reader is not available to a shell script, and sed is enough for this.
  image="$(sed -n 's/.*"container"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$manifest" | head -n 1)"
  [ -n "$image" ] && tags+=("$image")
done
# An untagged name means :latest, as for docker pull.
normalized=()
for tag in "${tags[@]}"; do
  last="${tag##*/}"
  case "$last" in *:*|*@*) normalized+=("$tag") ;; *) normalized+=("$tag:latest") ;; esac
done
mapfile -t tags < <(printf '%s\n' "${normalized[@]}" | sort -u)

present=""
absent=()
for tag in "${tags[@]}"; do
  if "$docker" image inspect "$tag" >/dev/null 2>&1; then
    present="$tag"
  else
    absent+=("$tag")
  fi
done

if [ ${#absent[@]} -eq 0 ]; then
  log "images present: ${tags[*]}"
  exit 0
fi

if [ -z "$present" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  log "building a Python image from Debian bookworm packages (mmdebstrap, about 45 s)"
  mmdebstrap --quiet --variant=essential --include=python3,python-is-python3 bookworm "$work/rootfs.tar"
  "$docker" import -c 'CMD ["python3"]' "$work/rootfs.tar" "${absent[0]}" >/dev/null
  present="${absent[0]}"
  absent=("${absent[@]:1}")
fi

for tag in "${absent[@]}"; do
  "$docker" tag "$present" "$tag"
done
log "images present: ${tags[*]}"
