#!/usr/bin/env python3
"""How long each way of installing crossdock takes, from a clean cache, with the real clients.

Run by bench/install.sh, which builds the linux-x64 NativeAOT crossdock and packs it with itself into
bench/out/install/dist. Each way installs the pinned version into a fresh folder, as a workflow job does:
  npm    npm install --prefix T crossdock@V, from a real Verdaccio on 127.0.0.1 (the generated workflows' way)
  pypi   a fresh venv and pip install crossdock==V from the wheel folder (what pipx install does)
  dotnet dotnet tool install crossdock --version V --tool-path T from the NuGet folder (SDK already set up)
Registries are local, so the figures are the clients' own cost; on a hosted runner each adds its download
of the same ~6 MB, and the dotnet way adds setting up the SDK (actions/setup-dotnet) wherever it is not there.
"""
import json, os, shutil, socket, statistics, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out", "install")
DIST = os.path.join(OUT, "dist")
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def run(args, **kw):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def version():
    for line in open(os.path.join(ROOT, "crossdock.toml")):
        if line.startswith("version"):
            return line.split('"')[1]
    raise SystemExit("crossdock.toml has no version")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_verdaccio(work):
    port = free_port()
    config = os.path.join(work, "verdaccio.yaml")
    with open(config, "w") as f:
        f.write(f"""storage: {work}/storage
auth:
  htpasswd:
    file: {work}/htpasswd
uplinks: {{}}
packages:
  '**':
    access: $all
    publish: $authenticated
max_body_size: 1000mb
log: {{ type: stdout, format: pretty, level: warn }}
""")
    verdaccio = os.path.join(ROOT, "tools", "node_modules", "verdaccio", "bin", "verdaccio")
    process = subprocess.Popen(["node", verdaccio, "--config", config, "--listen", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "-/ping", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    request = urllib.request.Request(url + "-/user/org.couchdb.user:bench", method="PUT",
                                     data=json.dumps({"name": "bench", "password": "bench-password"}).encode(),
                                     headers={"Content-Type": "application/json"})
    token = json.load(urllib.request.urlopen(request))["token"]
    npmrc = os.path.join(work, "npmrc")
    with open(npmrc, "w") as f:
        f.write(f"registry={url}\n//127.0.0.1:{port}/:_authToken={token}\naudit=false\nfund=false\nupdate-notifier=false\n")
    return process, npmrc


def timed(install, check):
    """Seconds to install into a fresh folder with a fresh cache, then to run the installed crossdock once."""
    with tempfile.TemporaryDirectory(prefix="crossdock-install-") as folder:
        start = time.perf_counter()
        executable = install(folder)
        installed = time.perf_counter() - start
        start = time.perf_counter()
        out = subprocess.run([executable, "--version"], check=True, capture_output=True, text=True).stdout
        first_run = time.perf_counter() - start
        assert out.strip() == check, out
        return installed, first_run


def main():
    v = version()
    work = tempfile.mkdtemp(prefix="crossdock-install-bench-")
    verdaccio, npmrc = start_verdaccio(work)
    try:
        npm_env = dict(os.environ, NPM_CONFIG_USERCONFIG=npmrc)
        tarballs = sorted(os.listdir(os.path.join(DIST, "npm")), key=lambda t: t == f"crossdock-{v}.tgz")
        for tarball in tarballs:
            run(["npm", "publish", os.path.join(DIST, "npm", tarball)], env=npm_env, cwd=work)

        def npm(folder):
            env = dict(npm_env, npm_config_cache=os.path.join(folder, "cache"))
            run(["npm", "install", "--prefix", os.path.join(folder, "t"), "--no-audit", "--no-fund", f"crossdock@{v}"], env=env, cwd=folder)
            return os.path.join(folder, "t", "node_modules", ".bin", "crossdock")

        def pypi(folder):
            venv = os.path.join(folder, "venv")
            run([sys.executable, "-m", "venv", venv])
            run([os.path.join(venv, "bin", "pip"), "install", "--no-index", "--no-cache-dir", "--find-links", os.path.join(DIST, "pypi"), f"crossdock=={v}"],
                env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1"))
            return os.path.join(venv, "bin", "crossdock")

        def dotnet(folder):
            config = os.path.join(folder, "nuget.config")
            with open(config, "w") as f:
                f.write(f'<configuration><packageSources><clear /><add key="dist" value="{os.path.join(DIST, "nuget")}" /></packageSources></configuration>\n')
            env = dict(os.environ, NUGET_PACKAGES=os.path.join(folder, "packages"), DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
            run(["dotnet", "tool", "install", "crossdock", "--version", v, "--configfile", config, "--tool-path", os.path.join(folder, "t")], env=env, cwd=folder)
            return os.path.join(folder, "t", "crossdock")

        ways = [("npm", "npm install --prefix T crossdock@V", npm),
                ("pypi", "python3 -m venv + pip install crossdock==V", pypi)]
        if os.path.isdir(os.path.join(DIST, "nuget")):
            ways.append(("dotnet", "dotnet tool install crossdock --version V", dotnet))
        rows = []
        for name, how, install in ways:
            results = [timed(install, v) for _ in range(RUNS)]
            rows.append((name, how, statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)))
    finally:
        verdaccio.kill()
        shutil.rmtree(work, ignore_errors=True)

    lines = [f"Measured by `./bench/install.sh` on {os.cpu_count()} cores, median of {RUNS} clean installs of crossdock {v} (linux-x64) from local registries.", "",
             "| way | command | install | first `crossdock --version` |", "|---|---|---:|---:|"]
    for name, how, install, first in rows:
        lines.append(f"| {name} | `{how}` | {install:.2f} s | {first * 1000:.0f} ms |")
    text = "\n".join(lines) + "\n"
    with open(os.path.join(ROOT, "bench", "install-results.md"), "w") as f:
        f.write(text)
    print(text, end="")


if __name__ == "__main__":
    main()
