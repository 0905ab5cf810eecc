#!/usr/bin/env bash
# How long each way of installing crossdock takes (npm, PyPI, .NET tool), one command: ./bench/install.sh [RUNS]
# Builds the linux-x64 NativeAOT crossdock, packs it with itself from the root crossdock.toml into
# bench/out/install/dist, then installs it with the real npm, pip and dotnet from local registries.
# Figures go to bench/install-results.md (quoted in the README's Install section).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
out=bench/out/install
rm -rf "$out" && mkdir -p "$out"
dotnet publish src/Crossdock/Crossdock.csproj -c Release -r linux-x64 -p:PublishAot=true \
  --artifacts-path "$out/artifacts" -o "$out/aot" --nologo -v quiet
"$out/aot/crossdock" pack --target x86_64-unknown-linux-gnu --out "$out/dist" "$out/aot/crossdock" >/dev/null
"$out/aot/crossdock" assemble --out "$out/dist" --allow-missing >/dev/null 2>&1
exec /usr/bin/python3 bench/install.py "$@"
