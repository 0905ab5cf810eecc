#!/usr/bin/env python3
"""crossdock's benchmark driver (run through bench/run.sh, which builds what it needs first).

Compares, on the same corpus and in the same run:
  crossdock:  crossdock pack (all targets, one command) + crossdock assemble
  baseline:   for each binary, `npm pack` of the equivalent package folder and
              `python3 -m wheel pack` of the equivalent unpacked wheel, one after the other
and one 100 MB binary (what each job of a release matrix packs): crossdock pack against `gzip -6` of the
same file, and crossdock pack with --jobs 1, 2 and every core;
reporting wall time, CPU time, peak RSS and output size; then scaling and start-up.
"""
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
AOT = OUT / "aot" / "crossdock"
JIT = OUT / "jit" / "crossdock.dll"
FIXTURES = OUT / "fixtures"
MB = 1024 * 1024
QUICK = "--quick" in sys.argv

# The seed's 7 targets plus Windows arm64; each corpus binary starts with a real fixture of its platform
# (so inspection and tagging are real) followed by real machine code taken from binaries on this machine.
TARGETS = [
    (triple, fixture, ".exe" if fixture.endswith(".exe") else "")
    for triple, fixture in (line.split("\t") for line in (ROOT / "tests" / "fixtures" / "targets.tsv").read_text().splitlines()
                            if line and not line.startswith("#"))
]
ROUNDS = 1 if QUICK else 3  # of the single-binary comparison
SIZES_MB = [8, 10, 12, 14, 16, 18, 20, 22] if QUICK else [50, 57, 64, 71, 78, 85, 92, 100]

CONFIG = """[package]
name = "benchtool"
version = "1.0.0"
description = "crossdock benchmark corpus"
license = "MIT"
readme = "README.md"
bin = "benchtool"
targets = [{targets}]
"""


def payload_sources():
    """Real binaries on this machine, largest first: shared libraries and executables full of machine code."""
    roots = [Path("/usr/lib"), Path("/usr/bin"), Path("/usr/local/bin"), Path("/opt")]
    found = []
    for root in roots:
        for dirpath, _, files in os.walk(root):
            for name in files:
                path = Path(dirpath) / name
                try:
                    if path.is_symlink() or path.stat().st_size < 4 * MB:
                        continue
                    with open(path, "rb") as f:
                        if f.read(4) != b"\x7fELF":
                            continue
                    found.append((path.stat().st_size, str(path)))
                except OSError:
                    continue
    found.sort(reverse=True)
    return [Path(p) for _, p in found]


class Payload:
    """An endless, deterministic stream of real machine code: 8 MiB slices taken in turn from the machine's
    largest binaries (Go, Rust, C++ and C programs and libraries), so no single toolchain's code dominates."""

    SLICE = 8 * MB

    def __init__(self):
        self.sources = payload_sources()[:24]
        if not self.sources:
            sys.exit("bench: no ELF binaries over 4 MB found under /usr/lib, /usr/bin, /opt")
        self.offsets = [0] * len(self.sources)
        self.turn = 0

    def read(self, n):
        chunks = []
        while n > 0:
            index = self.turn % len(self.sources)
            self.turn += 1
            with open(self.sources[index], "rb") as f:
                f.seek(self.offsets[index])
                chunk = f.read(min(n, self.SLICE))
                if len(chunk) < min(n, self.SLICE):
                    self.offsets[index] = 0  # start this source over next time
                else:
                    self.offsets[index] += len(chunk)
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)


def make_binary(path, fixture, size, payload):
    with open(path, "wb") as out:
        head = (FIXTURES / fixture).read_bytes()
        out.write(head)
        remaining = size - len(head)
        while remaining > 0:
            chunk = payload.read(min(remaining, 8 * MB))
            out.write(chunk)
            remaining -= len(chunk)
    path.chmod(0o755)


def build_corpus(folder, sizes, targets=TARGETS):
    folder.mkdir(parents=True, exist_ok=True)
    payload = Payload()
    binaries = []
    for (triple, fixture, suffix), size_mb in zip(targets, sizes):
        path = folder / triple / f"benchtool{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.stat().st_size != size_mb * MB:
            make_binary(path, fixture, size_mb * MB, payload)
        binaries.append((triple, path))
    return binaries


def timed(commands, cwd=None):
    """Runs commands one after the other under GNU time; returns wall, cpu (user+sys), peak RSS of any one."""
    wall = cpu = 0.0
    peak = 0
    for command in commands:
        started = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", *command], cwd=cwd, capture_output=True, text=True)
        wall += time.perf_counter() - started
        if result.returncode != 0:
            sys.exit(f"bench: {' '.join(map(str, command))} failed:\n{result.stdout}\n{result.stderr}")
        user, system, rss_kb = result.stderr.strip().splitlines()[-1].split()
        cpu += float(user) + float(system)
        peak = max(peak, int(rss_kb) * 1024)
    return {"wall": wall, "cpu": cpu, "rss": peak}


def folder_size(folder, pattern):
    return sum(p.stat().st_size for p in Path(folder).glob(pattern))


def project(folder, triples):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "crossdock.toml").write_text(CONFIG.format(targets=", ".join(f'"{t}"' for t in triples)))
    (folder / "README.md").write_text("# benchtool\n\nThe crossdock benchmark's corpus.\n")
    return folder / "crossdock.toml"


def run_crossdock(binaries, work, crossdock=None, jobs=None, assemble=True):
    crossdock = [str(AOT)] if crossdock is None else crossdock
    if work.exists():
        shutil.rmtree(work)
    config = project(work, [t for t, _ in binaries])
    dist = work / "dist"
    pack = [*crossdock, "pack", "--config", str(config), "--out", str(dist)]
    if jobs:
        pack += ["--jobs", str(jobs)]
    for triple, path in binaries:
        pack += ["--target", triple]
    pack += [str(p) for _, p in binaries]
    commands = [pack, [*crossdock, "assemble", "--config", str(config), "--out", str(dist)]] if assemble else [pack]
    result = timed(commands)
    result["size"] = folder_size(dist / "pypi", "*.whl") + folder_size(dist / "npm", "*.tgz")
    result["npm_size"] = folder_size(dist / "npm", "*.tgz")
    result["dist"] = dist
    return result


WHEEL_FILE = "Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: false\nTag: {tag}\n"
METADATA = "Metadata-Version: 2.1\nName: benchtool\nVersion: 1.0.0\nSummary: crossdock benchmark corpus\n"
PACKAGE_JSON = {"name": "benchtool-{suffix}", "version": "1.0.0", "description": "crossdock benchmark corpus",
                "license": "MIT", "preferUnplugged": True}


def run_baseline(binaries, work, tags):
    """What users script today: per binary, lay out the folders, then npm pack and python -m wheel pack."""
    if work.exists():
        shutil.rmtree(work)
    out = work / "out"
    out.mkdir(parents=True)
    commands = []
    for triple, path in binaries:
        suffix = triple.replace("_", "-")
        package = work / "npm" / suffix
        (package / "bin").mkdir(parents=True)
        shutil.copy2(path, package / "bin" / path.name)
        manifest = dict(PACKAGE_JSON, name=f"benchtool-{suffix}")
        (package / "package.json").write_text(json.dumps(manifest, indent=2))
        (package / "README.md").write_text("# benchtool\n")
        commands.append(["npm", "pack", "--silent", "--pack-destination", str(out), str(package)])

        unpacked = work / "wheel" / suffix / "benchtool-1.0.0"
        scripts = unpacked / "benchtool-1.0.0.data" / "scripts"
        scripts.mkdir(parents=True)
        shutil.copy2(path, scripts / path.name)
        info = unpacked / "benchtool-1.0.0.dist-info"
        info.mkdir()
        (info / "WHEEL").write_text(WHEEL_FILE.format(tag=f"py3-none-{tags[triple]}"))
        (info / "METADATA").write_text(METADATA)
        commands.append(["/usr/bin/python3", "-m", "wheel", "pack", "-d", str(out), str(unpacked)])
    result = timed(commands, cwd=work)
    result["size"] = folder_size(out, "*.whl") + folder_size(out, "*.tgz")
    return result


def hyperfine(commands):
    export = OUT / "hyperfine.json"
    subprocess.run(["hyperfine", "-N", "--warmup", "5", "--runs", "40", "--export-json", str(export), *commands],
                   check=True, capture_output=True)
    return [r["mean"] for r in json.loads(export.read_text())["results"]]


def fmt_time(seconds):
    return f"{seconds:.2f} s"


def fmt_mb(size):
    return f"{size / MB:.1f} MB"


def main():
    corpus = build_corpus(OUT / "corpus", SIZES_MB)
    total = sum(p.stat().st_size for _, p in corpus)
    for _, p in corpus:  # warm the page cache so both sides read from memory
        p.read_bytes()
    print(f"corpus: {len(corpus)} binaries, {fmt_mb(total)}", flush=True)

    ours = run_crossdock(corpus, OUT / "work-crossdock")
    triple_tags = {}
    # Map each target to the platform tag crossdock chose, so the baseline wheels carry the same tags.
    plan = json.loads(subprocess.run([str(AOT), "pack", "--dry-run", "--config", str(ours["dist"].parent / "crossdock.toml"),
                                      *sum((["--target", t] for t, _ in corpus), []), *[str(p) for _, p in corpus]],
                                     check=True, capture_output=True, text=True).stdout)
    for platform_plan in plan["platforms"]:
        triple_tags[platform_plan["target"]] = platform_plan["wheel"]["tag"].split("-", 2)[2]
    verify = subprocess.run([str(AOT), "verify", "--config", str(ours["dist"].parent / "crossdock.toml"), str(ours["dist"])], capture_output=True, text=True)
    if verify.returncode != 0:
        sys.exit("bench: crossdock verify failed on crossdock's own output:\n" + verify.stdout + verify.stderr)
    base = run_baseline(corpus, OUT / "work-baseline", triple_tags)
    print(f"crossdock {fmt_time(ours['wall'])}, baseline {fmt_time(base['wall'])}", flush=True)

    sequential = run_crossdock(corpus, OUT / "work-sequential", jobs=1)
    identical = all(
        (ours["dist"] / rel).read_bytes() == (sequential["dist"] / rel).read_bytes()
        for rel in [p.relative_to(ours["dist"]) for p in ours["dist"].rglob("*") if p.is_file()])

    # One big binary, as each job of a release matrix packs it: every core on one file, against gzip -6 of it.
    single = build_corpus(OUT / "scale-size-100", [100], TARGETS[:1])
    single_path = single[0][1]
    single_path.read_bytes()
    # Runs are interleaved and each variant keeps its fastest of ROUNDS, so a burst of load elsewhere on the
    # machine hits every variant alike instead of deciding the comparison.
    gzipped = OUT / "single.gz"
    variants = {"crossdock": None, "gzip": None, **{f"jobs-{j}": None for j in sorted({1, 2, os.cpu_count() or 1})}}
    for _ in range(ROUNDS):
        for name in variants:
            if name == "gzip":
                result = timed([["sh", "-c", f"gzip -6 -c '{single_path}' > '{gzipped}'"]])
                result["size"] = gzipped.stat().st_size
            else:
                jobs = None if name == "crossdock" else int(name.split("-")[1])
                result = run_crossdock(single, OUT / f"work-{name}", jobs=jobs, assemble=False)
            if variants[name] is None or result["wall"] < variants[name]["wall"]:
                variants[name] = result
    one, gzip = variants["crossdock"], variants["gzip"]
    cores = []
    for name, result in variants.items():
        if name.startswith("jobs-"):
            cores.append({"jobs": int(name.split("-")[1]), "wall": result["wall"], "cpu": result["cpu"], "rss": result["rss"],
                          "identical": all((result["dist"] / rel).read_bytes() == (one["dist"] / rel).read_bytes()
                                           for rel in [p.relative_to(one["dist"]) for p in one["dist"].rglob("*") if p.is_file()])})

    scaling_size = []
    for size in ([5, 10, 20, 40] if QUICK else [10, 50, 100, 200]):
        binaries = build_corpus(OUT / f"scale-size-{size}", [size], TARGETS[:1])
        result = run_crossdock(binaries, OUT / "work-scale")
        scaling_size.append({"mb": size, "wall": result["wall"], "cpu": result["cpu"], "rss": result["rss"]})
    scaling_count = []
    count_corpus = build_corpus(OUT / "scale-count", [10 if QUICK else 50] * 8)
    for count in [1, 4, 8]:
        result = run_crossdock(count_corpus[:count], OUT / "work-scale")
        scaling_count.append({"targets": count, "wall": result["wall"], "cpu": result["cpu"], "rss": result["rss"]})

    host = FIXTURES / "host-gnu"
    startup = hyperfine([f"{AOT} --version", f"dotnet {JIT} --version", f"{AOT} inspect {host}", f"dotnet {JIT} inspect {host}"])

    results = {
        "machine": {"cores": os.cpu_count(), "cpu": cpu_name(), "os": platform.platform()},
        "corpus": {"binaries": len(corpus), "bytes": total},
        "crossdock": {k: v for k, v in ours.items() if k != "dist"},
        "baseline": base,
        "speedup": base["wall"] / ours["wall"],
        "size_ratio": ours["size"] / base["size"],
        "compression_ratio": total * 2 / ours["size"],
        "parallel_equals_sequential": identical and all(c["identical"] for c in cores),
        "single": {"mb": 100, "crossdock": {k: v for k, v in one.items() if k != "dist"}, "gzip": gzip,
                   "speedup": gzip["wall"] / one["wall"], "size_ratio": one["npm_size"] / gzip["size"]},
        "cores": cores,
        "scaling_size": scaling_size,
        "scaling_count": scaling_count,
        "startup": {"aot_version": startup[0], "jit_version": startup[1], "aot_inspect": startup[2], "jit_inspect": startup[3]},
    }
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (ROOT / "bench" / "results.md").write_text(render(results))
    quote_in_readme(render(results))
    print(render(results))


def quote_in_readme(figures):
    """Keeps the README's performance section equal to bench/results.md (between its bench markers)."""
    readme = ROOT / "README.md"
    text = readme.read_text()
    start, end = "<!-- bench:start -->\n", "<!-- bench:end -->"
    if start in text and end in text and not QUICK:
        head, rest = text.split(start, 1)
        readme.write_text(head + start + figures + rest[rest.index(end):])


def cpu_name():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def render(r):
    c, b = r["crossdock"], r["baseline"]
    lines = [
        f"Measured by `./bench/run.sh{' --quick' if QUICK else ''}` on {r['machine']['cores']} cores ({r['machine']['cpu']}).",
        f"Corpus: {r['corpus']['binaries']} binaries, {fmt_mb(r['corpus']['bytes'])} of real machine code (one per target, 50-100 MB each).",
        "",
        "| | wall | CPU | peak RSS | output |",
        "|---|---:|---:|---:|---:|",
        f"| crossdock pack + assemble | {fmt_time(c['wall'])} | {fmt_time(c['cpu'])} | {fmt_mb(c['rss'])} | {fmt_mb(c['size'])} |",
        f"| npm pack + python3 -m wheel pack, per binary | {fmt_time(b['wall'])} | {fmt_time(b['cpu'])} | {fmt_mb(b['rss'])} | {fmt_mb(b['size'])} |",
        f"| ratio | **{r['speedup']:.1f}x faster** | {b['cpu'] / c['cpu']:.1f}x less | | {100 * (r['size_ratio'] - 1):+.2f} % |",
        "",
        f"Each package is {r['compression_ratio']:.2f}x smaller than the binary it holds. "
        f"Parallel and sequential (`--jobs 1`) output byte-identical: {'yes' if r['parallel_equals_sequential'] else 'NO'}.",
        "",
        f"One {r['single']['mb']} MB binary, what each job of a release matrix packs (`crossdock pack` writes its wheel, npm package, "
        f"GitHub archive and NuGet package from one compression, chunk-parallel on every core; fastest of {ROUNDS} interleaved runs each):",
        "",
        "| | wall | CPU | peak RSS | output |",
        "|---|---:|---:|---:|---:|",
        f"| crossdock pack (npm tarball's size) | {fmt_time(r['single']['crossdock']['wall'])} | {fmt_time(r['single']['crossdock']['cpu'])} | "
        f"{fmt_mb(r['single']['crossdock']['rss'])} | {fmt_mb(r['single']['crossdock']['npm_size'])} |",
        f"| gzip -6 of the same file | {fmt_time(r['single']['gzip']['wall'])} | {fmt_time(r['single']['gzip']['cpu'])} | "
        f"{fmt_mb(r['single']['gzip']['rss'])} | {fmt_mb(r['single']['gzip']['size'])} |",
        f"| ratio | **{r['single']['speedup']:.1f}x faster** | | | {100 * (r['single']['size_ratio'] - 1):+.2f} % |",
        "",
        "The same binary on 1, 2 and every core (`--jobs`; the output is byte-identical at every value):",
        "",
        "| cores | " + " | ".join(str(c["jobs"]) for c in r["cores"]) + " |",
        "|---|" + "---:|" * len(r["cores"]),
        "| wall | " + " | ".join(fmt_time(c["wall"]) for c in r["cores"]) + " |",
        "| CPU | " + " | ".join(fmt_time(c["cpu"]) for c in r["cores"]) + " |",
        "| peak RSS | " + " | ".join(fmt_mb(c["rss"]) for c in r["cores"]) + " |",
        "",
        "Scaling with binary size (1 target) and with target count:",
        "",
        "| binary | wall | CPU | peak RSS | | targets | wall | CPU | peak RSS |",
        "|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for size, count in zip(r["scaling_size"] + [None] * 3, r["scaling_count"] + [None] * 4):
        if size is None and count is None:
            break
        left = f"{size['mb']} MB | {fmt_time(size['wall'])} | {fmt_time(size['cpu'])} | {fmt_mb(size['rss'])}" if size else " | | | "
        right = f"{count['targets']} | {fmt_time(count['wall'])} | {fmt_time(count['cpu'])} | {fmt_mb(count['rss'])}" if count else " | | | "
        lines.append(f"| {left} | | {right} |")
    s = r["startup"]
    lines += [
        "",
        "Start-up (hyperfine, mean of 40 runs):",
        "",
        "| | NativeAOT | JIT (`dotnet crossdock.dll`) |",
        "|---|---:|---:|",
        f"| `crossdock --version` | {s['aot_version'] * 1000:.1f} ms | {s['jit_version'] * 1000:.1f} ms |",
        f"| `crossdock inspect FILE` | {s['aot_inspect'] * 1000:.1f} ms | {s['jit_inspect'] * 1000:.1f} ms |",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
