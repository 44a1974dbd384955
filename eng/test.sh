#!/usr/bin/env bash
# Runs every test of the repository: the one command the README gives, and what CI runs.
# RunLocal's tests need a Docker daemon and the samples' Python image; as root this script sets them up
# (eng/docker-setup.sh, idempotent). Extra arguments go to dotnet test, e.g. --filter.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

if [ -f eng/docker-setup.sh ] && [ "$(id -u)" = 0 ]; then
  bash eng/docker-setup.sh
  # Docker is set up now, so a Docker test that cannot reach it is a failure, never a skip.
  export BYTENITE_REQUIRE_DOCKER=1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
# One test project at a time (-m:1): the RunLocal tests of two projects share the Docker daemon, and a run sweeps the
# containers of runners that died, which would race with a test that kills a runner to see its container swept.
dotnet test ByteNite.Sdk.sln -c Release -nologo -m:1 "$@" 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test projects' own summaries
# ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ...").
python3 - "$log" <<'PY'
import re, sys
failed = passed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r"Failed:\s*(\d+),\s*Passed:\s*(\d+),\s*Skipped:\s*(\d+),\s*Total:", line)
    if m:
        failed += int(m.group(1)); passed += int(m.group(2)); skipped += int(m.group(3))
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit "$status"
