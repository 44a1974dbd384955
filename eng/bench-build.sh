#!/usr/bin/env bash
# Measures, side by side in one run, a ByteNite app project against a plain Microsoft.NET.Sdk class library with the
# same C# file: the cold build (bin/ and obj/ deleted, restore included) and the no-op build (nothing changed), the
# latter both outside any repository and with the two projects in a git repository, as projects usually are (a .NET
# build then queries git unless told not to).
# Runs alternate between the projects so that machine noise hits them alike; medians and their ratio are printed.
# Usage: eng/bench-build.sh [runs]   (default 10; the numbers in docs/benchmarks.md come from this script)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=eng/bench-common.sh
source "$repo/eng/bench-common.sh"
bench_sdk_feed "$repo" "$work"

# The same C# file in both projects: what a params type of an app looks like.
source_file='namespace Bench;

public sealed class HelloWorldParams
{
    public string Case { get; set; } = "upper";
}
'
make_projects() { # folder: an app project and a class library side by side in it
  local root="$1"
  mkdir -p "$root/app" "$root/lib"
  cp -r "$repo/samples/hello-world/." "$root/app/"
  rm -rf "$root/app/bin" "$root/app/obj"
  printf '<Project Sdk="ByteNite.Sdk" />\n' > "$root/app/HelloWorld.csproj"
  printf '%s' "$source_file" > "$root/app/Params.cs"
  printf '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <Nullable>enable</Nullable>\n  </PropertyGroup>\n</Project>\n' > "$root/lib/Library.csproj"
  printf '%s' "$source_file" > "$root/lib/Params.cs"
}
make_projects "$work"
make_projects "$work/repo"
git -C "$work/repo" init -q
git -C "$work/repo" remote add origin https://github.com/example/apps.git
git -C "$work/repo" add -A
git -C "$work/repo" -c user.name=Bench -c user.email=bench@example.com commit -q -m "Two projects"

time_build() { # dir, extra args...
  local dir="$1"; shift
  local start end
  start=$(now_ms)
  dotnet build "$dir" -nologo -v:q "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }
  end=$(now_ms)
  echo $((end - start))
}

declare -a cold_app cold_lib noop_app noop_lib git_app git_lib
for ((i = 0; i < runs; i++)); do
  rm -rf "$work/app/bin" "$work/app/obj" "$work/lib/bin" "$work/lib/obj"
  cold_app+=("$(time_build "$work/app")")
  cold_lib+=("$(time_build "$work/lib")")
done
time_build "$work/repo/app" >/dev/null
time_build "$work/repo/lib" >/dev/null
for ((i = 0; i < runs; i++)); do
  noop_app+=("$(time_build "$work/app" --no-restore)")
  noop_lib+=("$(time_build "$work/lib" --no-restore)")
  git_app+=("$(time_build "$work/repo/app" --no-restore)")
  git_lib+=("$(time_build "$work/repo/lib" --no-restore)")
done

python3 - "${cold_app[*]}" "${cold_lib[*]}" "${noop_app[*]}" "${noop_lib[*]}" "${git_app[*]}" "${git_lib[*]}" "$runs" <<'PY'
import statistics, sys
cold_app, cold_lib, noop_app, noop_lib, git_app, git_lib = ([int(x) for x in a.split()] for a in sys.argv[1:7])
runs = sys.argv[7]
print(f"runs per case: {runs} (alternating), median wall time in ms")
print("| build | ByteNite app project | plain class library | ratio |")
print("| --- | ---: | ---: | ---: |")
for name, app, lib in (("cold (bin/obj deleted, restore included)", cold_app, cold_lib), ("no-op (nothing changed)", noop_app, noop_lib),
                       ("no-op, both projects in a git repository", git_app, git_lib)):
    a, l = statistics.median(app), statistics.median(lib)
    print(f"| {name} | {a:.0f} | {l:.0f} | {a / l:.2f}x |")
PY
