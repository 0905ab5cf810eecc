#!/usr/bin/env bash
# Runs every crossdock test: installs the real tools the tests use (scripts/install-deps.sh), then dotnet test.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
# dotnet test builds only the test project and what it references; the fuzzing harness must compile too.
dotnet build fuzz/Crossdock.Fuzz --nologo -v quiet
dotnet test crossdock.slnx --nologo "$@"
