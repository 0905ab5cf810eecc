#!/usr/bin/env bash
# crossdock's benchmark, one command: ./bench/run.sh [--quick]
# Builds crossdock (NativeAOT and JIT), a corpus of 8 real-code binaries of 50-100 MB, then times
# 'crossdock pack' + 'crossdock assemble' against the script users write today ('npm pack' and
# 'python3 -m wheel pack' per binary), the scaling in size and target count, and start-up time.
# Figures go to bench/results.md (quoted in the README) and bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --bench
mkdir -p bench/out
dotnet publish src/Crossdock -c Release -r linux-x64 -p:PublishAot=true -o bench/out/aot --nologo -v quiet
dotnet build src/Crossdock -c Release -o bench/out/jit --nologo -v quiet
tests/fixtures/build.sh bench/out/fixtures >/dev/null
exec /usr/bin/python3 bench/bench.py "$@"
