#!/usr/bin/env bash
# The main job on the bundled example: builds crossdock and the example's binaries for the 7 default
# targets (cross-compiled here with gcc, clang, lld and musl), then runs what the release workflow runs:
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
declare -A binary=(
    [x86_64-unknown-linux-gnu]=host-gnu
    [x86_64-unknown-linux-musl]=musl-static
    [aarch64-unknown-linux-gnu]=gnu-2.17-aarch64
    [aarch64-unknown-linux-musl]=musl-aarch64
    [x86_64-apple-darwin]=macos-x64
    [aarch64-apple-darwin]=macos-arm64
    [x86_64-pc-windows-msvc]=win-x64.exe
)

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
