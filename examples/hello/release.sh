#!/usr/bin/env bash
# The main job on the bundled example: builds crossdock and the example's binaries for its 8 targets (the
# 7 defaults and the opt-in Windows arm64) (cross-compiled here with gcc, clang, lld and musl), then runs what the release workflow runs:
#   crossdock pack (once per target, as each CI matrix job does) -> crossdock assemble -> crossdock verify
# and finally installs the host's wheel with pip into a fresh venv and runs the command.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
"$root/scripts/install-deps.sh"

echo "== building crossdock"
dotnet build "$root/src/Crossdock" -c Release -o "$here/bin/crossdock" --nologo -v quiet >/dev/null
crossdock() { dotnet "$here/bin/crossdock/crossdock.dll" "$@"; }

echo "== building the example's binaries (real programs for each platform, from tests/fixtures)"
"$root/tests/fixtures/build.sh" "$here/bin/build" >/dev/null
declare -A binary=()
while IFS=$'\t' read -r target fixture; do
    case "$target" in ''|'#'*) continue ;; esac
    binary[$target]=$fixture
done < "$root/tests/fixtures/targets.tsv"

cd "$here"
rm -rf dist
echo "== crossdock inspect"
crossdock inspect "${binary[@]/#/bin/build/}"
echo "== crossdock pack (one run per target, like the build matrix)"
for target in "${!binary[@]}"; do
    crossdock pack --target "$target" "bin/build/${binary[$target]}"
done
echo "== crossdock assemble"
crossdock assemble
echo "== crossdock verify"
crossdock verify
ls -l dist/pypi dist/npm

echo "== pip install the host's wheel into a fresh venv and run it"
rm -rf bin/venv
python3 -m venv bin/venv
env -u PIP_FIND_LINKS bin/venv/bin/pip install --quiet --no-index dist/pypi/crossdock_hello-0.3.0-py3-none-manylinux_*_x86_64.whl
bin/venv/bin/hello --version
bin/venv/bin/hello "it works"
