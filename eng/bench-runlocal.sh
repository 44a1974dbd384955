#!/usr/bin/env bash
# RunLocal's wall time against a bare `docker run --rm` of the same image, script and input, side by side.
#
# Usage: eng/bench-runlocal.sh [runs] [sample]     (default: 10 runs of samples/hello-world)
#        BENCH_SLEEP=2 eng/bench-runlocal.sh         the same, with the app made to take 2 s longer (both sides)
#        BENCH_RUNNER=dotnet eng/bench-runlocal.sh   the .NET runner (ReadyToRun for linux-x64), as ByteNiteRunLocalNative=false,
#                                                    older glibc and musl run it
#        BENCH_JIT=1 eng/bench-runlocal.sh           the .NET runner without ReadyToRun code (as on Windows, macOS, Arm64)
#
# Both sides run the sample's entrypoint with `python -u app/main.py` in the manifest's image, with the sample's
# data.bin and params.json, 1 CPU and 1 GiB without swap (the sample's device_requirements), and start from a fresh
# task folder. The bare side gets its files by bind mounts (the cheapest way); RunLocal validates the app folder and the
# parameters, negotiates the API version, sweeps leftovers, copies app and input in and the results out through the
# Engine API, streams the log and writes summary.json. Runs alternate between the two; medians are printed.
# The image must be present (eng/docker-setup.sh); nothing is pulled. Needs python3 for the statistics.
set -euo pipefail

runs="${1:-10}"
sample="${2:-hello-world}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
docker="${DOCKER:-docker}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A copy of the sample, so that its bin/ is not touched (and so that BENCH_SLEEP can lengthen the run).
app="$work/app"
mkdir -p "$app"
cp -r "$repo/samples/$sample/manifest.json" "$repo/samples/$sample/app" "$repo/samples/$sample/sample" "$app/"
[ -f "$repo/samples/$sample/schema.json" ] && cp "$repo/samples/$sample/schema.json" "$app/"
if [ -n "${BENCH_SLEEP:-}" ]; then
  printf '\nimport time\ntime.sleep(%s)\n' "$BENCH_SLEEP" >>"$app/app/main.py"
fi

# Published as the SDK package ships it: by default the native runner for linux-x64, which RunLocal starts on x64 Linux;
# BENCH_RUNNER=dotnet the .NET runner with ReadyToRun code; BENCH_JIT=1 the .NET runner without it.
if [ "${BENCH_JIT:-}" = 1 ]; then
  dotnet publish "$repo/src/ByteNite.Sdk.LocalRunner" -c Release -p:PublishReadyToRun=false -nologo -v:q -o "$work/runner" >/dev/null
  runner=(dotnet "$work/runner/ByteNite.Sdk.LocalRunner.dll")
elif [ "${BENCH_RUNNER:-native}" = dotnet ]; then
  dotnet publish "$repo/src/ByteNite.Sdk.LocalRunner" -c Release -nologo -v:q -o "$work/runner" >/dev/null
  runner=(dotnet "$work/runner/ByteNite.Sdk.LocalRunner.dll")
else
  dotnet publish "$repo/src/ByteNite.Sdk.LocalRunner" -c Release -r linux-x64 -p:ByteNiteNativeRunner=true -nologo -v:q -o "$work/runner" >/dev/null
  runner=("$work/runner/ByteNite.Sdk.LocalRunner")
fi

image="$(sed -n 's/.*"container"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$app/manifest.json" | head -n 1)"
entrypoint="$(sed -n 's/.*"entrypoint"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$app/manifest.json" | head -n 1)"
params="$(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), separators=(",", ":")))' "$app/sample/params.json")"
"$docker" image inspect "$image" >/dev/null

now_ms() { date +%s%3N; }

run_local() {
  "${runner[@]}" run --app-dir "$app" --output-dir "$work/runlocal" --quiet-app >"$work/runlocal.out"
}

run_bare() {
  local task="$work/task-$1"
  mkdir -p "$task/result"
  cp "$app/sample/data.bin" "$task/data.bin"
  "$docker" run --rm --cpus 1 --memory 1g --memory-swap 1g \
    -v "$app/app:/bytenite/app:ro" -v "$task:/bytenite/task" -w /bytenite \
    -e TASK_DIR=/bytenite/task -e TASK_RESULTS_DIR=/bytenite/task/result -e "APP_PARAMS=$params" \
    -e USER_CACHE_DIR=/tmp -e SHARED_CACHE_DIR=/tmp \
    --entrypoint python "$image" -u "app/$entrypoint" >"$work/bare.out"
  test -s "$task/result/hello_world.txt" || test -n "$(ls -A "$task/result")"
}

# One warm-up of each (JIT, page cache, first container on the daemon), not counted.
run_local
run_bare warmup

: >"$work/times"
for i in $(seq 1 "$runs"); do
  t0=$(now_ms); run_local; t1=$(now_ms)
  run_bare "$i"; t2=$(now_ms)
  echo "$((t1 - t0)) $((t2 - t1))" >>"$work/times"
done

python3 - "$work/times" "$runs" "$sample" "$image" "$("$docker" version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')" "${BENCH_SLEEP:-}" "$(if [ "${BENCH_JIT:-}" = 1 ]; then echo ".NET runner without ReadyToRun"; elif [ "${BENCH_RUNNER:-native}" = dotnet ]; then echo ".NET runner with ReadyToRun"; else echo "native runner"; fi)" <<'EOF'
import statistics, sys
rows = [tuple(map(int, line.split())) for line in open(sys.argv[1])]
local = [r[0] for r in rows]
bare = [r[1] for r in rows]
ml, mb = statistics.median(local), statistics.median(bare)
print(f"sample {sys.argv[3]}{' + sleep ' + sys.argv[6] + ' s' if sys.argv[6] else ''}, {sys.argv[7]}, image {sys.argv[4]}, Docker {sys.argv[5]}, {sys.argv[2]} alternating runs")
print(f"RunLocal (ByteNite.Sdk.LocalRunner run):           median {ml:.0f} ms  (min {min(local)}, max {max(local)})")
print(f"bare docker run --rm:                             median {mb:.0f} ms  (min {min(bare)}, max {max(bare)})")
print(f"ratio {ml / mb:.2f}x, added {ml - mb:+.0f} ms")
EOF
