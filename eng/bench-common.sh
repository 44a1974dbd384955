# Sourced by eng/bench-build.sh and eng/bench-pack.sh: what both need to measure the SDK as users get it.

# Packs sdk/ByteNite.Sdk from the working tree with a unique version into WORK/feed, and makes WORK a place where
# `<Project Sdk="ByteNite.Sdk">` resolves to it: a private NuGet cache (NUGET_PACKAGES, exported), nuget.config,
# global.json (msbuild-sdks) and empty Directory.Build files, so that nothing above WORK takes part.
# Usage: bench_sdk_feed REPO WORK
bench_sdk_feed() {
  local repo="$1" work="$2"
  local version
  version="0.1.0-bench.$(date +%s)"
  dotnet pack "$repo/sdk/ByteNite.Sdk" -c Release -o "$work/feed" -p:PackageVersion="$version" --artifacts-path "$work/sdk-build" -nologo -v:q >/dev/null
  export NUGET_PACKAGES="$work/nuget-packages"
  cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
  printf '{ "msbuild-sdks": { "ByteNite.Sdk": "%s" } }\n' "$version" > "$work/global.json"
  printf '<Project>\n</Project>\n' | tee "$work/Directory.Build.props" > "$work/Directory.Build.targets"
}

now_ms() { date +%s%3N; }
