#!/usr/bin/env bash
# Packs ByteNite.Sdk from this repository into artifacts/packages and builds sample apps against it.
# Usage: samples/build.sh [sample ...]   (default: every sample; extra dotnet build arguments go after --)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
samples=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do samples+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#samples[@]} -gt 0 ] || samples=(hello-world hello-world-current)

# RunLocal needs a Docker daemon and the samples' image; as root, set them up the way eng/test.sh does (idempotent).
if [[ " $* " == *RunLocal* ]] && [ "$(id -u)" = 0 ]; then
  bash "$repo/eng/docker-setup.sh"
fi

dotnet pack "$repo/sdk/ByteNite.Sdk" -c Release -o "$repo/artifacts/packages" -nologo

# NuGet never re-extracts a version it already has: use a cache of our own and drop the SDK from it,
# so the samples always build against the package packed just now.
export NUGET_PACKAGES="$repo/artifacts/nuget-packages"
rm -rf "$NUGET_PACKAGES/bytenite.sdk"

for sample in "${samples[@]}"; do
  dotnet build "$repo/samples/$sample" "$@"
done
