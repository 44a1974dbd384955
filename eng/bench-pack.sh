#!/usr/bin/env bash
# Measures `dotnet pack` of ByteNite apps side by side with GNU tar, in one run (see docs/benchmarks.md):
#   1. the hello-world sample and a generated ~200 MB app folder of mixed files: the bundle task's own time
#      (PackByteNiteBundle, from MSBuild's performance summary), with the task that chooses the files before it
#      (SelectByteNiteBundleFiles: tar walks the folder inside its own time), and the whole `dotnet pack`, against
#      `tar -cf` of the same files, and against `tar -cf` + `sha256sum` + `base64` (the same three artifacts the task writes);
#   2. a no-op `dotnet pack -c Release` (nothing changed) against a no-op `dotnet build -c Release` of the same project,
#      and the same through `dotnet msbuild -t:Pack` / `-t:Build`.
# Runs alternate between the commands so that machine noise hits them alike; medians and ratios are printed.
# Usage: eng/bench-pack.sh [runs]   (default 5)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=eng/bench-common.sh
source "$repo/eng/bench-common.sh"
bench_sdk_feed "$repo" "$work"

make_app() { # folder
  mkdir -p "$1"
  cp -r "$repo/samples/hello-world/." "$1/"
  rm -rf "$1/bin" "$1/obj" "$1"/*.csproj
  printf '<Project Sdk="ByteNite.Sdk">\n  <PropertyGroup>\n    <ByteNiteBundleLargeFileThreshold>0</ByteNiteBundleLargeFileThreshold>\n  </PropertyGroup>\n</Project>\n' > "$1/App.csproj"
}

make_app "$work/sample"
make_app "$work/large"
# ~200 MB of mixed files under app/: 2000 small Python modules in nested folders, 120 medium binaries, 5 large ones.
python3 - "$work/large/app" <<'PY'
import os, random, sys
root = sys.argv[1]
rnd = random.Random(42)
for i in range(2000):
    folder = os.path.join(root, "pkg%02d" % (i % 40), "sub%d" % (i % 7))
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "module_%04d.py" % i), "w") as f:
        f.write("".join("def f%d(x):\n    return x * %d  # %s\n" % (j, j, "x" * rnd.randint(10, 60)) for j in range(rnd.randint(20, 120))))
os.makedirs(os.path.join(root, "data"), exist_ok=True)
for i in range(120):
    with open(os.path.join(root, "data", "blob_%03d.bin" % i), "wb") as f:
        f.write(rnd.randbytes(rnd.randint(500_000, 1_000_000)))
for i in range(5):
    with open(os.path.join(root, "data", "large_%d.bin" % i), "wb") as f:
        f.write(rnd.randbytes(20_000_000))
PY
printf 'large app folder: %s\n' "$(du -sh "$work/large/app" | cut -f1)"

out="$work/out"
pack_once() { # folder -> "wall_ms pack_task_ms select_task_ms"
  rm -rf "$out"
  local start end
  start=$(now_ms)
  dotnet pack "$1" --no-restore -o "$out" -nologo -tl:off -v:m -clp:PerformanceSummary >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; exit 1; }
  end=$(now_ms)
  local tasks
  tasks=$(python3 -c "
import re, sys
log = open(sys.argv[1]).read()
def ms(task):
    m = re.search(r'^\s*(\d+) ms\s+' + task + r'\s', log, re.M)
    return m.group(1) if m else 'nan'
print(ms('PackByteNiteBundle'), ms('SelectByteNiteBundleFiles'))" "$work/pack.log")
  echo "$((end - start)) $tasks"
}
tar_once() { # folder -> ms
  local start end
  rm -f "$work/gnu.tar"
  start=$(now_ms)
  tar -cf "$work/gnu.tar" -C "$1" manifest.json schema.json app
  end=$(now_ms)
  echo $((end - start))
}
chain_once() { # folder -> ms: the same three artifacts with GNU tools
  local start end
  rm -f "$work/gnu.tar" "$work/gnu.b64"
  start=$(now_ms)
  tar -cf "$work/gnu.tar" -C "$1" manifest.json schema.json app
  sha256sum "$work/gnu.tar" >/dev/null
  base64 -w0 "$work/gnu.tar" >"$work/gnu.b64"
  end=$(now_ms)
  echo $((end - start))
}

declare -A results
for app in sample large; do
  dotnet restore "$work/$app" -nologo -v:q >/dev/null
  pack_once "$work/$app" >/dev/null # warm-up: build, caches
  for ((i = 0; i < runs; i++)); do
    read -r wall task select < <(pack_once "$work/$app")
    results[$app.wall]+="$wall "
    results[$app.task]+="$task "
    results[$app.both]+="$((task + select)) "
    results[$app.tar]+="$(tar_once "$work/$app") "
    results[$app.chain]+="$(chain_once "$work/$app") "
  done
done

# No-op: the bundle is up to date (pack) / the assembly is up to date (build). Both with -c Release: without it,
# `dotnet pack` first evaluates the project once more to choose Release by default, which `dotnet build` does not.
# The same pair through `dotnet msbuild` shows MSBuild's work alone.
dotnet pack "$work/sample" -c Release --no-restore -nologo -v:q >/dev/null
dotnet build "$work/sample" -c Release --no-restore -nologo -v:q >/dev/null
time_cmd() { local start end; start=$(now_ms); "$@" >/dev/null 2>&1 || { "$@"; exit 1; }; end=$(now_ms); echo $((end - start)); }
for ((i = 0; i < runs * 2; i++)); do
  results[noop.pack]+="$(time_cmd dotnet pack "$work/sample" -c Release --no-restore -nologo -v:q) "
  results[noop.build]+="$(time_cmd dotnet build "$work/sample" -c Release --no-restore -nologo -v:q) "
  results[noop.mpack]+="$(time_cmd dotnet msbuild "$work/sample" -t:Pack -p:Configuration=Release -nologo -v:q) "
  results[noop.mbuild]+="$(time_cmd dotnet msbuild "$work/sample" -t:Build -p:Configuration=Release -nologo -v:q) "
done

python3 - "$runs" "${results[sample.wall]}" "${results[sample.task]}" "${results[sample.both]}" "${results[sample.tar]}" "${results[sample.chain]}" \
  "${results[large.wall]}" "${results[large.task]}" "${results[large.both]}" "${results[large.tar]}" "${results[large.chain]}" \
  "${results[noop.pack]}" "${results[noop.build]}" "${results[noop.mpack]}" "${results[noop.mbuild]}" <<'PY'
import statistics, sys
runs = sys.argv[1]
m = [statistics.median(float(x) for x in a.split()) for a in sys.argv[2:]]
sw, st, sb, star, sch, lw, lt, lb, ltar, lch, npack, nbuild, mpack, mbuild = m
print(f"runs: {runs} per case (alternating); median wall time in ms")
print("| app folder | `dotnet pack` (whole) | PackByteNiteBundle task | both bundle tasks | `tar -cf` | `tar` + `sha256sum` + `base64` | task / `tar -cf` | both / `tar -cf` | task / GNU chain |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for name, w, t, b, tar, ch in (("hello-world sample", sw, st, sb, star, sch), ("generated, ~200 MB", lw, lt, lb, ltar, lch)):
    print(f"| {name} | {w:.0f} | {t:.0f} | {b:.0f} | {tar:.0f} | {ch:.0f} | {t / max(tar, 1):.2f}x | {b / max(tar, 1):.2f}x | {t / max(ch, 1):.2f}x |")
print()
print("| no-op (nothing changed), hello-world sample | pack | build | ratio |")
print("| --- | ---: | ---: | ---: |")
print(f"| `dotnet pack -c Release` / `dotnet build -c Release` | {npack:.0f} | {nbuild:.0f} | {npack / nbuild:.2f}x |")
print(f"| `dotnet msbuild -t:Pack` / `-t:Build` | {mpack:.0f} | {mbuild:.0f} | {mpack / mbuild:.2f}x |")
PY
