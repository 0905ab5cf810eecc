#!/usr/bin/env bash
# Coverage-guided fuzzing of one crossdock reader with AFL++ and SharpFuzz:
#   scripts/fuzz.sh TARGET SECONDS     e.g. scripts/fuzz.sh elf 600
#   scripts/fuzz.sh --list             the targets (fuzz/Crossdock.Fuzz/Targets/FuzzTargets.cs)
# Publishes fuzz/Crossdock.Fuzz, instruments the published crossdock.dll (and ELFSharp, Tomlyn) with the
# SharpFuzz.CommandLine tool, seeds afl-fuzz with the fixtures tests/fixtures/build.sh builds (packed into wheels
# and npm tarballs by crossdock itself for the archive targets) plus tests/fuzz-regressions/TARGET, and runs it
# for SECONDS under nice. Every crash or hang is minimized with afl-tmin and saved, base64-encoded (a pre-commit
# rule keeps binaries out of the repository), as tests/fuzz-regressions/TARGET/afl-HASH.b64, which the test suite
# replays. Totals are appended to fuzz/out/runs.tsv.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/fuzz/out
bin=$out/bin

if [ "${1:-}" = "--list" ] || [ $# -ne 2 ]; then
    [ "${1:-}" = "--list" ] || echo "usage: scripts/fuzz.sh TARGET SECONDS" >&2
    dotnet run --project "$root/fuzz/Crossdock.Fuzz" -v quiet -- --list
    [ "${1:-}" = "--list" ] && exit 0 || exit 2
fi
target=$1 seconds=$2

"$root/scripts/install-deps.sh" --fuzz
cd "$root"
dotnet tool restore >/dev/null

echo "== publishing and instrumenting the fuzz harness"
rm -rf "$bin"
dotnet publish fuzz/Crossdock.Fuzz -c Release -o "$bin" --nologo -v quiet >/dev/null
dotnet "$bin/Crossdock.Fuzz.dll" --list | awk '{print $1}' | grep -qx "$target" || { echo "unknown target '$target'" >&2; exit 2; }

seeds=$out/$target/seeds
findings=$out/$target/findings
rm -rf "$seeds" "$findings.previous"
[ -d "$findings" ] && mv "$findings" "$findings.previous"
mkdir -p "$seeds"

echo "== seeds"
fixtures=$out/fixtures
[ -f "$fixtures/.built" ] || { tests/fixtures/build.sh "$fixtures" >/dev/null && touch "$fixtures/.built"; }
crossdock() { dotnet "$bin/crossdock.dll" "$@"; }
# A project crossdock packs the small fixtures with, giving real wheels and npm tarballs to start from.
packed() {
    local project=$out/packed
    if [ ! -f "$project/.done" ]; then
        rm -rf "$project" && mkdir -p "$project"
        printf '[package]\nname = "fuzzed"\nversion = "1.0.0"\n' > "$project/crossdock.toml"
        (cd "$project" \
            && crossdock pack --target x86_64-unknown-linux-gnu "$fixtures/host-gnu" >/dev/null \
            && crossdock pack --target aarch64-unknown-linux-musl "$fixtures/musl-aarch64" >/dev/null \
            && crossdock pack --target aarch64-apple-darwin "$fixtures/macos-arm64" >/dev/null \
            && crossdock pack --target x86_64-pc-windows-msvc "$fixtures/win-x64.exe" >/dev/null \
            && crossdock assemble >/dev/null)
        touch "$project/.done"
    fi
    echo "$project/dist"
}
# The init target's first byte picks the manifest (FuzzTargets.InitManifests): 0 Cargo.toml, 1 pyproject.toml,
# 2 package.json, 3 go.mod, 4 build.zig.zon, 5 tool.csproj.
init_seeds() {
    seed() { { printf '%b' "\\$(printf '%03o' "$1")"; cat; } > "$2/$3"; }
    seed 0 "$1" cargo <<'TOML'
[package]
name = "demo-tool"
version = "0.3.1"
description = "Does \"demo\" things"
license = "MIT OR Apache-2.0"
repository = "https://github.com/acme/demo-tool"

[dependencies]
anyhow = { version = "1", features = ["std"] }

[[bin]]
name = "demo"
path = "src/main.rs"
TOML
    seed 0 "$1" cargo-workspace <<'TOML'
[workspace]
members = ["crates/*", "cli"]

[workspace.package]
version = "2.1.0"
license = "Apache-2.0"
TOML
    seed 1 "$1" pyproject <<'TOML'
[project]
name = "py-tool"
version = "1.2.0b1"
description = "A tool"
license = { text = "MIT" }
[project.urls]
Repository = "https://github.com/acme/py-tool"
[project.scripts]
py-tool = "py_tool:main"
TOML
    seed 2 "$1" package-json <<'JSON'
{"name": "@acme/js-tool", "version": "3.0.0-rc.2", "description": "x", "license": "MIT",
 "repository": {"type": "git", "url": "git+https://github.com/acme/js-tool.git"}, "bin": {"js-tool": "cli.js"}}
JSON
    seed 3 "$1" go-mod <<'GO'
module github.com/acme/go-tool/v2

go 1.22
GO
    seed 4 "$1" zig-zon <<'ZON'
.{
    .name = .zig_tool,
    .version = "0.4.0",
    .paths = .{""},
}
ZON
    seed 5 "$1" csproj <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <PublishAot>true</PublishAot>
    <AssemblyName>NetTool</AssemblyName>
    <Version>1.0.0</Version>
    <Description>A tool</Description>
  </PropertyGroup>
</Project>
XML
}
case "$target" in
    elf) cp "$fixtures"/{host-gnu,musl-dynamic,gnu-2.17-x86_64,gnu-2.30-x86_64,gnu-libssl-x86_64,gnu-glibcxx-x86_64,gnu-2.17-aarch64,musl-aarch64,static-nolibc-aarch64,static-nolibc-i686,truncated-elf,unknown-machine} "$seeds/" ;;
    macho) cp "$fixtures"/{macos-x64,macos-arm64,macos-arm64-13.4,macos-universal} "$seeds/" ;;
    pe) cp "$fixtures"/{win-x64.exe,win-arm64.exe,win-x86.exe} "$seeds/" ;;
    wheel) cp "$(packed)"/pypi/*.whl "$seeds/" ;;
    npm-tarball) cp "$(packed)"/npm/*.tgz "$seeds/" ;;
    nupkg) cp "$(packed)"/nuget/*.nupkg "$seeds/" ;;
    config) cp examples/hello/crossdock.toml "$seeds/hello.toml" && cp src/Crossdock/Resources/crossdock-init.toml "$seeds/init.toml" \
        && printf '[package]\nname = "fuzzed"\nversion = "1.0.0"\n' > "$seeds/minimal.toml" ;;
    init) init_seeds "$seeds" ;;
esac
# Earlier findings seed the next run too.
for regression in tests/fuzz-regressions/"$target"/*.b64; do
    [ -f "$regression" ] && base64 -d "$regression" > "$seeds/regression-$(basename "$regression" .b64)"
done
echo "$(find "$seeds" -type f | wc -l) seeds, $(du -sh "$seeds" | cut -f1)"

echo "== instrumenting"
# An uninstrumented copy replays inputs outside afl-fuzz (instrumented code needs afl-fuzz's shared memory).
rm -rf "$bin-plain" && cp -r "$bin" "$bin-plain"
for assembly in crossdock.dll ELFSharp.dll Tomlyn.dll; do
    dotnet tool run sharpfuzz "$bin/$assembly" >/dev/null
done

echo "== afl-fuzz $target for ${seconds}s"
# The GC heap cap turns a header that makes a reader allocate gigabytes into a crash afl-fuzz records.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export DOTNET_GCHeapHardLimit=0x20000000 DOTNET_TieredPGO=0
start=$(date +%s)
nice -n 10 afl-fuzz -i "$seeds" -o "$findings" -t 5000 -m none -V "$seconds" -- dotnet "$bin/Crossdock.Fuzz.dll" "$target" > "$out/$target/afl.log" 2>&1 || {
    echo "afl-fuzz failed; last lines of $out/$target/afl.log:" >&2
    tail -20 "$out/$target/afl.log" >&2
    exit 1
}
elapsed=$(( $(date +%s) - start ))

stats=$findings/default/fuzzer_stats
field() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
execs=$(field execs_done) corpus=$(field corpus_count) crashes=$(field saved_crashes) hangs=$(field saved_hangs)
echo "$target: ${elapsed}s, $execs executions, corpus $corpus, $crashes crashes, $hangs hangs"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$elapsed" "$execs" "$corpus" "$crashes" "$hangs" >> "$out/runs.tsv"

echo "== saving findings (minimized) to tests/fuzz-regressions/$target"
mkdir -p "tests/fuzz-regressions/$target"
# At most 20 per run (afl-fuzz saves one per new path; the first ones usually cover the distinct bugs).
saved=0
for finding in "$findings"/default/crashes/id:* "$findings"/default/hangs/id:*; do
    [ -f "$finding" ] || continue
    saved=$((saved + 1))
    [ "$saved" -le 20 ] || break
    minimized=$out/$target/minimized
    if ! timeout 30 nice -n 10 afl-tmin -i "$finding" -o "$minimized" -t 5000 -m none -- dotnet "$bin/Crossdock.Fuzz.dll" "$target" >/dev/null 2>&1; then
        cp "$finding" "$minimized"
    fi
    name=afl-$(sha256sum "$minimized" | cut -c1-12)
    base64 -w 76 "$minimized" > "tests/fuzz-regressions/$target/$name.b64"
    echo "  $name.b64 ($(stat -c %s "$minimized") bytes, from $(basename "$finding" | cut -c1-40))"
done

# The smallest input for each of up to 24 different outcomes keeps every reader's error paths covered by the test suite too.
for input in $(dotnet "$bin-plain/Crossdock.Fuzz.dll" "$target" --pick 24 "$findings"/default/queue/id:*); do
    name=corpus-$(sha256sum "$input" | cut -c1-12)
    [ -f "tests/fuzz-regressions/$target/$name.b64" ] || base64 -w 76 "$input" > "tests/fuzz-regressions/$target/$name.b64"
done
echo "$(find "tests/fuzz-regressions/$target" -name '*.b64' | wc -l) regression inputs for $target"
