// Tests of the npm launcher template (src/Crossdock/Resources/launcher.js): its decisions over faked machines,
// then the rendered script run for real with node. Run with `node --test tests/launcher/`.
"use strict";

const { describe, it, after } = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawn } = require("node:child_process");

const TEMPLATE = path.join(__dirname, "..", "..", "src", "Crossdock", "Resources", "launcher.js");
const TOKEN = "__CROSSDOCK_CONFIG__";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "crossdock-launcher-"));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

// The tests describe a release by one command's view of it ({ name, bin, binaryPathEnv, libcEnv, packages: [{ ...,
// binary }] }), which is what the decision functions take; crossdock writes the config of every command, which
// forCommand turns back into that view.
function written(view) {
    return {
        name: view.name,
        version: view.version,
        libcEnv: view.libcEnv,
        commands: [{ name: view.bin, binaryPathEnv: view.binaryPathEnv }],
        packages: view.packages.map((pkg) => ({ name: pkg.name, os: pkg.os, cpu: pkg.cpu, libc: pkg.libc, binaries: { [view.bin]: pkg.binary } })),
    };
}

// What crossdock does: put the config's JSON in place of the one token.
function render(config) {
    const template = fs.readFileSync(TEMPLATE, "utf8");
    assert.strictEqual(template.split(TOKEN).length, 2, "the template holds the token exactly once");
    // A function as replacement, so "$&" or "$'" in a name stays literal.
    return template.replace(TOKEN, () => JSON.stringify(config.commands ? config : written(config), null, 2));
}

let rendered = 0;
function load(config) {
    const file = path.join(scratch, "launcher-" + rendered++ + ".js");
    fs.writeFileSync(file, render(config));
    return require(file);
}

function platformPackage(scope, os_, cpu, libc) {
    const suffix = os_ === "linux" ? "-" + (libc === "musl" ? "musl" : "gnu") : "";
    const bin = path.basename(scope);
    return {
        name: scope + "-" + os_ + "-" + cpu + suffix,
        os: os_,
        cpu,
        libc: libc || null,
        binary: os_ === "win32" ? "bin/" + bin + ".exe" : "bin/" + bin,
    };
}

function configFor(name, bin, packages) {
    const variable = bin.toUpperCase().replace(/[^A-Z0-9]/g, "_");
    return {
        name,
        bin,
        version: "1.2.0",
        binaryPathEnv: variable + "_BINARY_PATH",
        libcEnv: variable + "_LIBC",
        packages,
    };
}

const CONFIG = configFor("mytool", "mytool", [
    platformPackage("mytool", "linux", "x64", "glibc"),
    platformPackage("mytool", "linux", "x64", "musl"),
    platformPackage("mytool", "linux", "arm64", "glibc"),
    platformPackage("mytool", "linux", "arm64", "musl"),
    platformPackage("mytool", "darwin", "x64"),
    platformPackage("mytool", "darwin", "arm64"),
    platformPackage("mytool", "win32", "x64"),
    platformPackage("mytool", "win32", "arm64"),
]);

const launcher = load(CONFIG);

function enoent(what) {
    return Object.assign(new Error("ENOENT: no such file or directory, " + what), { code: "ENOENT" });
}

// A faked machine: Node on glibc x64 Linux unless told otherwise; no /lib entries, no ldd. Records every probe.
function fakeHost(overrides) {
    const calls = [];
    const host = Object.assign(
        {
            platform: "linux",
            arch: "x64",
            env: {},
            report: () => ({ glibcVersionRuntime: "2.36" }),
            files: [],
            ldd: null, // { stdout, stderr, status } or null for "no ldd on PATH"
            registry: null,
            machine: () => "x86_64",
        },
        overrides,
    );
    const probes = {
        platform: host.platform,
        arch: host.arch,
        env: host.env,
        calls,
        report: () => (calls.push("report"), host.report()),
        readdir(dir) {
            calls.push("readdir " + dir);
            const names = host.files
                .filter((file) => path.posix.dirname(file) === dir)
                .map((file) => path.posix.basename(file));
            if (names.length === 0) throw enoent(dir);
            return names;
        },
        run(command, args) {
            calls.push([command].concat(args).join(" "));
            if (command === "ldd" && host.ldd) return host.ldd;
            if (command === "reg" && host.registry) return { status: 0, stdout: host.registry, stderr: "" };
            throw enoent("spawnSync " + command);
        },
        machine: () => (calls.push("machine"), host.machine()),
    };
    return probes;
}

// require.resolve over a fake node_modules holding the named packages.
function installed(...names) {
    return (request) => {
        const name = request.replace(/\/package\.json$/, "");
        if (names.indexOf(name) >= 0) return "/project/node_modules/" + name + "/package.json";
        throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: "MODULE_NOT_FOUND" });
    };
}

const executable = (name, file) => path.join("/project/node_modules", name, file || "bin/mytool");

const GLIBC_LDD = {
    status: 0,
    stdout: "ldd (GNU libc) 2.39\nCopyright (C) 2024 Free Software Foundation, Inc.\n",
    stderr: "",
};
const MUSL_LDD = {
    status: 1,
    stdout: "",
    stderr: "musl libc (x86_64)\nVersion 1.2.4\nDynamic Program Loader\nUsage: ldd [options] [--] pathname\n",
};

describe("the template", () => {
    it("is a node script holding the config token once, as crossdock replaces it", () => {
        const template = fs.readFileSync(TEMPLATE, "utf8");
        assert.ok(template.startsWith("#!/usr/bin/env node\n"), "starts with the shebang line");
        assert.doesNotMatch(template, /\r/, "LF only: a CR after `node` in the shebang breaks it on Linux and macOS");
        assert.strictEqual(template.split(TOKEN).length, 2);
        assert.match(template, /^const CONFIG = __CROSSDOCK_CONFIG__;$/m);
        assert.deepStrictEqual(launcher.CONFIG, written(CONFIG));
        const view = launcher.forCommand(launcher.CONFIG);
        assert.deepStrictEqual([view.bin, view.binaryPathEnv], [CONFIG.bin, CONFIG.binaryPathEnv]);
        assert.deepStrictEqual(view.packages.map((pkg) => pkg.binary), CONFIG.packages.map((pkg) => pkg.binary));
    });
});

describe("detectLibc", () => {
    it("says glibc from process.report's glibcVersionRuntime, without looking further", () => {
        const host = fakeHost({ files: ["/lib/ld-musl-x86_64.so.1"], ldd: MUSL_LDD });
        assert.deepStrictEqual(launcher.detectLibc(host, "MYTOOL_LIBC"), { libc: "glibc", by: "process.report" });
        assert.deepStrictEqual(host.calls, ["report"]);
    });

    it("says musl on Alpine: no glibcVersionRuntime and /lib/ld-musl-x86_64.so.1", () => {
        const host = fakeHost({
            report: () => ({ osName: "Linux" }),
            files: ["/lib/ld-musl-x86_64.so.1", "/lib/libc.musl-x86_64.so.1"],
        });
        assert.deepStrictEqual(launcher.detectLibc(host, "MYTOOL_LIBC"), {
            libc: "musl",
            by: "/lib/ld-musl-x86_64.so.1",
        });
    });

    it("does not fail when ldd is missing and there is no loader to see, and decides nothing", () => {
        const host = fakeHost({ report: () => ({}), files: [], ldd: null });
        assert.deepStrictEqual(launcher.detectLibc(host, "MYTOOL_LIBC"), { libc: null, by: null });
        assert.ok(host.calls.indexOf("ldd --version") >= 0, "ldd was tried");
    });

    it("does not take a Bun-like report without glibcVersionRuntime for musl: ldd says GNU libc", () => {
        const host = fakeHost({ report: () => ({ osName: "Linux" }), ldd: GLIBC_LDD });
        assert.deepStrictEqual(launcher.detectLibc(host, "MYTOOL_LIBC"), { libc: "glibc", by: "ldd --version" });
    });

    it("reads musl's ldd banner from stderr, where it prints it before exiting 1", () => {
        const host = fakeHost({ report: () => ({}), ldd: MUSL_LDD });
        assert.deepStrictEqual(launcher.detectLibc(host, "MYTOOL_LIBC"), { libc: "musl", by: "ldd --version" });
    });

    it("asks ldd when both loaders exist: Debian with its musl package, Alpine with gcompat", () => {
        const both = ["/lib/ld-musl-x86_64.so.1", "/lib64/ld-linux-x86-64.so.2"];
        const debian = fakeHost({
            report: () => ({}),
            files: both,
            ldd: { status: 0, stdout: "ldd (Debian GLIBC 2.36-9+deb12u4) 2.36\n", stderr: "" },
        });
        assert.strictEqual(launcher.detectLibc(debian, "MYTOOL_LIBC").libc, "glibc");
        const alpine = fakeHost({ report: () => ({}), files: both, ldd: MUSL_LDD });
        assert.strictEqual(launcher.detectLibc(alpine, "MYTOOL_LIBC").libc, "musl");
    });

    it("says glibc from glibc's loader alone, as on a distroless image without ldd", () => {
        const host = fakeHost({ report: () => ({}), files: ["/lib64/ld-linux-x86-64.so.2"] });
        assert.deepStrictEqual(launcher.detectLibc(host, "MYTOOL_LIBC"), {
            libc: "glibc",
            by: "/lib64/ld-linux-x86-64.so.2",
        });
        const arm = fakeHost({ report: () => ({}), files: ["/lib/ld-linux-aarch64.so.1"] });
        assert.strictEqual(launcher.detectLibc(arm, "MYTOOL_LIBC").libc, "glibc");
    });

    it("treats a runtime without process.report as no evidence", () => {
        const host = fakeHost({
            report: () => {
                throw new TypeError("Cannot read properties of undefined (reading 'getReport')");
            },
            files: ["/lib/ld-musl-aarch64.so.1"],
        });
        assert.strictEqual(launcher.detectLibc(host, "MYTOOL_LIBC").libc, "musl");
    });

    it("lets the environment variable override every probe, and rejects a value it does not know", () => {
        const host = fakeHost({ env: { MYTOOL_LIBC: "musl" } });
        assert.deepStrictEqual(launcher.detectLibc(host, "MYTOOL_LIBC"), { libc: "musl", by: "MYTOOL_LIBC" });
        assert.deepStrictEqual(host.calls, [], "no probe was needed");
        assert.strictEqual(
            launcher.detectLibc(fakeHost({ env: { MYTOOL_LIBC: "GNU" }, report: () => ({}) }), "MYTOOL_LIBC").libc,
            "glibc",
        );
        assert.throws(
            () => launcher.detectLibc(fakeHost({ env: { MYTOOL_LIBC: "uclibc" } }), "MYTOOL_LIBC"),
            (error) =>
                error instanceof launcher.LauncherError &&
                /MYTOOL_LIBC must be "glibc" or "musl", not "uclibc"/.test(error.message),
        );
    });
});

describe("forCommand", () => {
    const release = {
        name: "uv",
        version: "1.0.0",
        libcEnv: "UV_LIBC",
        commands: [
            { name: "uv", binaryPathEnv: "UV_BINARY_PATH" },
            { name: "uvx", binaryPathEnv: "UVX_BINARY_PATH" },
        ],
        packages: [{ name: "uv-linux-x64-gnu", os: "linux", cpu: "x64", libc: "glibc", binaries: { uv: "bin/uv", uvx: "bin/uvx" } }],
    };

    it("gives the decision functions one command: its name, override variable and each package's executable", () => {
        const view = launcher.forCommand(release, "uvx");
        assert.strictEqual(view.bin, "uvx");
        assert.strictEqual(view.binaryPathEnv, "UVX_BINARY_PATH");
        assert.strictEqual(view.packages[0].binary, "bin/uvx");
        assert.strictEqual(view.libcEnv, "UV_LIBC");
        const chosen = launcher.selectPackage(view, fakeHost(), installed("uv-linux-x64-gnu"));
        assert.ok(chosen.path.endsWith(path.join("uv-linux-x64-gnu", "bin", "uvx")), chosen.path);
    });

    it("defaults to the first command, the one the launcher file itself is", () => {
        assert.strictEqual(launcher.forCommand(release).bin, "uv");
        assert.strictEqual(launcher.forCommand(release).packages[0].binary, "bin/uv");
    });
});

describe("selectPackage on Linux", () => {
    const both = installed("mytool-linux-x64-gnu", "mytool-linux-x64-musl");

    it("picks the detected libc when both builds are installed (pnpm ignores the libc field)", () => {
        const glibc = launcher.selectPackage(CONFIG, fakeHost(), both);
        assert.deepStrictEqual(glibc, {
            path: executable("mytool-linux-x64-gnu"),
            name: "mytool-linux-x64-gnu",
            note: null,
        });
        const alpine = fakeHost({ arch: "arm64", report: () => ({}), files: ["/lib/ld-musl-aarch64.so.1"] });
        const musl = launcher.selectPackage(
            CONFIG,
            alpine,
            installed("mytool-linux-arm64-gnu", "mytool-linux-arm64-musl"),
        );
        assert.strictEqual(musl.name, "mytool-linux-arm64-musl");
    });

    it("follows the libc environment override", () => {
        const chosen = launcher.selectPackage(CONFIG, fakeHost({ env: { MYTOOL_LIBC: "musl" } }), both);
        assert.strictEqual(chosen.name, "mytool-linux-x64-musl");
    });

    it("runs the other libc's build when only that one is installed, with a note for when it cannot start", () => {
        const onGlibc = launcher.selectPackage(CONFIG, fakeHost(), installed("mytool-linux-x64-musl"));
        assert.strictEqual(onGlibc.name, "mytool-linux-x64-musl");
        assert.match(onGlibc.note, /musl build, and this system looks like glibc \(by process\.report\)/);
        assert.match(onGlibc.note, /MYTOOL_LIBC/);
        const alpine = fakeHost({ report: () => ({}), files: ["/lib/ld-musl-x86_64.so.1"] });
        const onMusl = launcher.selectPackage(CONFIG, alpine, installed("mytool-linux-x64-gnu"));
        assert.strictEqual(onMusl.name, "mytool-linux-x64-gnu");
        assert.match(onMusl.note, /glibc build, and this system looks like musl/);
    });

    it("without ldd or loaders to go by, prefers the musl build, which also runs on glibc, and takes what is installed", () => {
        const unknown = () => fakeHost({ report: () => ({}) });
        assert.strictEqual(launcher.selectPackage(CONFIG, unknown(), both).name, "mytool-linux-x64-musl");
        const gnuOnly = launcher.selectPackage(CONFIG, unknown(), installed("mytool-linux-x64-gnu"));
        assert.strictEqual(gnuOnly.name, "mytool-linux-x64-gnu");
    });

    it("does not look for the libc when the config has no libc-specific package", () => {
        const config = configFor("mytool", "mytool", [
            { name: "mytool-linux-x64", os: "linux", cpu: "x64", libc: null, binary: "bin/mytool" },
        ]);
        const host = fakeHost();
        assert.strictEqual(
            launcher.selectPackage(config, host, installed("mytool-linux-x64")).name,
            "mytool-linux-x64",
        );
        assert.deepStrictEqual(host.calls, []);
    });

    it("resolves scoped package names through the resolver", () => {
        const scoped = configFor("@acme/cli", "acme", [platformPackage("@acme/cli", "linux", "x64", "glibc")]);
        const requests = [];
        const resolver = (request) => (requests.push(request), installed("@acme/cli-linux-x64-gnu")(request));
        const chosen = launcher.selectPackage(scoped, fakeHost(), resolver);
        assert.deepStrictEqual(requests, ["@acme/cli-linux-x64-gnu/package.json"]);
        assert.strictEqual(chosen.path, path.join("/project/node_modules/@acme/cli-linux-x64-gnu", "bin/cli"));
    });
});

describe("selectPackage with libc-free Linux packages (Go, Zig: no libc field)", () => {
    const free = (cpu) => ({ name: "mytool-linux-" + cpu, os: "linux", cpu, libc: null, binary: "bin/mytool" });
    // A release that mixes both kinds: x64 ships glibc, musl and libc-free builds, arm64 only a libc-free one.
    const MIXED = configFor("mytool", "mytool", [
        platformPackage("mytool", "linux", "x64", "glibc"),
        platformPackage("mytool", "linux", "x64", "musl"),
        free("x64"),
        free("arm64"),
        platformPackage("mytool", "darwin", "arm64"),
        platformPackage("mytool", "win32", "x64"),
    ]);
    const alpine = (overrides) => fakeHost(Object.assign({ report: () => ({}), files: ["/lib/ld-musl-x86_64.so.1"] }, overrides));

    it("prefers the build for the detected libc when it is installed beside the libc-free one", () => {
        const all = installed("mytool-linux-x64-gnu", "mytool-linux-x64-musl", "mytool-linux-x64");
        assert.deepStrictEqual(launcher.selectPackage(MIXED, fakeHost(), all), {
            path: executable("mytool-linux-x64-gnu"),
            name: "mytool-linux-x64-gnu",
            note: null,
        });
        assert.strictEqual(launcher.selectPackage(MIXED, alpine(), all).name, "mytool-linux-x64-musl");
    });

    it("falls back to the libc-free build, with no note, when this libc's build is not installed", () => {
        // npm honours `libc`: on glibc it installs the -gnu package and the libc-free one, never the -musl one.
        const onGlibc = launcher.selectPackage(MIXED, fakeHost(), installed("mytool-linux-x64-musl", "mytool-linux-x64"));
        assert.deepStrictEqual(onGlibc, { path: executable("mytool-linux-x64"), name: "mytool-linux-x64", note: null });
        const onMusl = launcher.selectPackage(MIXED, alpine(), installed("mytool-linux-x64-gnu", "mytool-linux-x64"));
        assert.strictEqual(onMusl.name, "mytool-linux-x64");
        assert.strictEqual(onMusl.note, null);
    });

    it("takes the libc-free build first when the libc cannot be told, since it surely runs", () => {
        const unknown = fakeHost({ report: () => ({}) });
        const all = installed("mytool-linux-x64-gnu", "mytool-linux-x64-musl", "mytool-linux-x64");
        assert.strictEqual(launcher.selectPackage(MIXED, unknown, all).name, "mytool-linux-x64");
    });

    it("runs the only, libc-free, build of an architecture on glibc and musl without probing the libc", () => {
        for (const host of [fakeHost({ arch: "arm64" }), alpine({ arch: "arm64" })]) {
            const chosen = launcher.selectPackage(MIXED, host, installed("mytool-linux-arm64"));
            assert.deepStrictEqual(chosen, {
                path: executable("mytool-linux-arm64"),
                name: "mytool-linux-arm64",
                note: null,
            });
            assert.deepStrictEqual(host.calls, []);
        }
    });

    it("names the libc-free package when nothing is installed, and says it runs on any libc", () => {
        let message = null;
        try {
            launcher.selectPackage(MIXED, fakeHost({ arch: "arm64" }), installed());
        } catch (error) {
            message = error.message;
        }
        assert.match(message, /executable for linux arm64 \(any libc\) is missing: it comes in the optional dependency mytool-linux-arm64@1\.2\.0/);
    });
});

describe("selectPackage on FreeBSD and 32-bit Windows", () => {
    const PEERS = configFor("mytool", "mytool", [
        platformPackage("mytool", "freebsd", "x64"),
        platformPackage("mytool", "freebsd", "arm64"),
        platformPackage("mytool", "win32", "x64"),
        platformPackage("mytool", "win32", "ia32"),
    ]);

    it("picks the freebsd package for process.platform freebsd, without any libc probe", () => {
        for (const arch of ["x64", "arm64"]) {
            const host = fakeHost({ platform: "freebsd", arch });
            const chosen = launcher.selectPackage(PEERS, host, installed("mytool-freebsd-" + arch));
            assert.deepStrictEqual(chosen, {
                path: executable("mytool-freebsd-" + arch),
                name: "mytool-freebsd-" + arch,
                note: null,
            });
            assert.deepStrictEqual(host.calls, []);
        }
    });

    it("picks the ia32 package for 32-bit Node on Windows", () => {
        const host = fakeHost({ platform: "win32", arch: "ia32" });
        const chosen = launcher.selectPackage(PEERS, host, installed("mytool-win32-ia32"));
        assert.strictEqual(chosen.name, "mytool-win32-ia32");
        assert.strictEqual(chosen.path, executable("mytool-win32-ia32", "bin/mytool.exe"));
        assert.strictEqual(chosen.note, null);
    });

    it("runs the ia32 build on 64-bit Windows only when the x64 one is not installed, with a note", () => {
        const x64 = fakeHost({ platform: "win32", arch: "x64" });
        const both = installed("mytool-win32-x64", "mytool-win32-ia32");
        assert.strictEqual(launcher.selectPackage(PEERS, x64, both).name, "mytool-win32-x64");
        const fallback = launcher.selectPackage(PEERS, x64, installed("mytool-win32-ia32"));
        assert.strictEqual(fallback.name, "mytool-win32-ia32");
        assert.match(fallback.note, /32-bit x86 build/);
    });
});

describe("selectPackage on Windows and macOS", () => {
    const SNAPDRAGON = "ARMv8 (64-bit) Family 8 Model 1 Revision 201, Qualcomm Technologies Inc";
    // What an x64 process sees under emulation on arm64 Windows.
    const emulatedEnv = { PROCESSOR_ARCHITECTURE: "AMD64", PROCESSOR_IDENTIFIER: SNAPDRAGON };
    const bothWindows = installed("mytool-win32-x64", "mytool-win32-arm64");

    it("runs the arm64 build from x64 Node emulated on arm64 Windows when it is installed", () => {
        const host = fakeHost({ platform: "win32", arch: "x64", env: emulatedEnv });
        const chosen = launcher.selectPackage(CONFIG, host, bothWindows);
        assert.deepStrictEqual(chosen, {
            path: executable("mytool-win32-arm64", "bin/mytool.exe"),
            name: "mytool-win32-arm64",
            note: null,
        });
    });

    it("runs the x64 build there when the arm64 one is not installed, without probing the machine", () => {
        const host = fakeHost({ platform: "win32", arch: "x64", env: emulatedEnv });
        assert.strictEqual(
            launcher.selectPackage(CONFIG, host, installed("mytool-win32-x64")).name,
            "mytool-win32-x64",
        );
        assert.deepStrictEqual(host.calls, []);
    });

    it("runs the x64 build on a real x64 machine even when the arm64 one is installed", () => {
        const intel = {
            PROCESSOR_ARCHITECTURE: "AMD64",
            PROCESSOR_IDENTIFIER: "Intel64 Family 6 Model 154 Stepping 3, GenuineIntel",
        };
        const host = fakeHost({
            platform: "win32",
            arch: "x64",
            env: intel,
            registry: "\r\n    PROCESSOR_ARCHITECTURE    REG_SZ    AMD64\r\n",
        });
        assert.strictEqual(launcher.selectPackage(CONFIG, host, bothWindows).name, "mytool-win32-x64");
    });

    it("falls back to the registry's PROCESSOR_ARCHITECTURE when the environment says nothing", () => {
        const registry =
            "\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment\r\n    PROCESSOR_ARCHITECTURE    REG_SZ    ARM64\r\n";
        const host = fakeHost({ platform: "win32", arch: "x64", env: {}, registry });
        assert.strictEqual(launcher.selectPackage(CONFIG, host, bothWindows).name, "mytool-win32-arm64");
        assert.ok(
            host.calls.some((call) =>
                /^reg query HKLM\\SYSTEM\\.*Session Manager\\Environment \/v PROCESSOR_ARCHITECTURE$/.test(call),
            ),
        );
    });

    it("detects arm64 Windows from each piece of evidence an x64 process can see", () => {
        const arm = (env, machine) =>
            launcher.windowsHostIsArm64(fakeHost({ platform: "win32", env, machine: () => machine || "x86_64" }));
        assert.strictEqual(arm({ PROCESSOR_IDENTIFIER: SNAPDRAGON }), true);
        assert.strictEqual(arm({ PROCESSOR_ARCHITECTURE: "x86", PROCESSOR_ARCHITEW6432: "ARM64" }), true);
        assert.strictEqual(arm({}, "arm64"), true);
        assert.strictEqual(arm({ PROCESSOR_ARCHITECTURE: "AMD64" }), false);
    });

    it("runs the x64 build on native arm64 Windows when only that one is installed", () => {
        const chosen = launcher.selectPackage(
            CONFIG,
            fakeHost({ platform: "win32", arch: "arm64" }),
            installed("mytool-win32-x64"),
        );
        assert.strictEqual(chosen.name, "mytool-win32-x64");
        assert.match(chosen.note, /x64 build, run under emulation/);
    });

    it("picks the darwin package for the CPU, without any libc probe", () => {
        const darwin = installed("mytool-darwin-x64", "mytool-darwin-arm64");
        const arm = fakeHost({ platform: "darwin", arch: "arm64" });
        assert.strictEqual(launcher.selectPackage(CONFIG, arm, darwin).name, "mytool-darwin-arm64");
        assert.strictEqual(
            launcher.selectPackage(CONFIG, fakeHost({ platform: "darwin", arch: "x64" }), darwin).name,
            "mytool-darwin-x64",
        );
        assert.deepStrictEqual(arm.calls, []);
    });
});

describe("selectPackage when there is nothing to run", () => {
    const failure = (host, resolver) => {
        try {
            launcher.selectPackage(CONFIG, host, resolver);
        } catch (error) {
            assert.ok(error instanceof launcher.LauncherError, "a LauncherError, printed without a stack trace");
            return error.message;
        }
        assert.fail("selectPackage should have thrown");
    };

    it("says the platform is not supported and lists the supported ones", () => {
        const message = failure(fakeHost({ platform: "freebsd", arch: "x64" }), installed());
        assert.match(message, /^mytool 1\.2\.0 has no executable for freebsd x64\./);
        assert.match(
            message,
            /linux x64 \(glibc\), linux x64 \(musl\), linux arm64 \(glibc\), linux arm64 \(musl\), darwin x64, darwin arm64, win32 x64, win32 arm64/,
        );
        assert.match(message, /MYTOOL_BINARY_PATH/);
        assert.match(failure(fakeHost({ arch: "riscv64" }), installed()), /no executable for linux riscv64\./);
    });

    it("names the missing package and blames omitted optional dependencies or a foreign lockfile", () => {
        const message = failure(fakeHost(), installed());
        assert.match(
            message,
            /executable for linux x64 \(glibc\) is missing: it comes in the optional dependency mytool-linux-x64-gnu@1\.2\.0/,
        );
        assert.match(message, /--omit=optional/);
        assert.match(message, /lockfile was made on another OS/);
        assert.doesNotMatch(message, /Installed instead/);
    });

    it("names another OS's package found in its place and says node_modules came from another machine", () => {
        const message = failure(fakeHost(), installed("mytool-darwin-arm64"));
        assert.match(message, /mytool-linux-x64-gnu@1\.2\.0, which is not installed/);
        assert.match(
            message,
            /Installed instead: mytool-darwin-arm64 \(darwin arm64\)\. This node_modules was installed on another OS or CPU/,
        );
        assert.match(message, /delete node_modules and install again/);
        assert.doesNotMatch(message, /--omit=optional/);
    });

    it("names the musl package on a musl system", () => {
        const alpine = fakeHost({ report: () => ({}), files: ["/lib/ld-musl-x86_64.so.1"] });
        assert.match(
            failure(alpine, installed()),
            /for linux x64 \(musl\) is missing: it comes in the optional dependency mytool-linux-x64-musl@1\.2\.0/,
        );
    });
});

describe("binary path override", () => {
    it("runs the executable named by binaryPathEnv, before and instead of any package", () => {
        const host = fakeHost({ platform: "freebsd", arch: "x64", env: { MYTOOL_BINARY_PATH: "build/mytool" } });
        const chosen = launcher.selectPackage(CONFIG, host, installed());
        assert.deepStrictEqual(chosen, {
            path: path.resolve("build/mytool"),
            name: null,
            note: "the path comes from MYTOOL_BINARY_PATH",
        });
        assert.deepStrictEqual(host.calls, []);
    });
});

describe("start failures and signals", () => {
    it("explains an executable that cannot start in one line, with the shell's 127 and 126", () => {
        const target = { path: "/nm/mytool-linux-x64-gnu/bin/mytool", name: "mytool-linux-x64-gnu", note: null };
        const notFound = launcher.startFailure(target, { code: "ENOENT", message: "spawn ENOENT" });
        assert.deepStrictEqual(notFound, {
            message:
                "cannot run /nm/mytool-linux-x64-gnu/bin/mytool: not found, or its dynamic loader is missing; reinstall mytool-linux-x64-gnu",
            status: 127,
        });
        const denied = launcher.startFailure(Object.assign({}, target, { note: "it is the glibc build" }), {
            code: "EACCES",
            message: "spawn EACCES",
        });
        assert.strictEqual(denied.status, 126);
        assert.match(denied.message, /permission denied .*; it is the glibc build$/);
        assert.doesNotMatch(denied.message, /\n/);
    });

    it("passes SIGTERM and SIGHUP on, SIGINT only without a terminal, and nothing on Windows", () => {
        assert.strictEqual(launcher.forwards("SIGTERM", "linux", true), true);
        assert.strictEqual(launcher.forwards("SIGHUP", "darwin", false), true);
        assert.strictEqual(launcher.forwards("SIGINT", "linux", false), true);
        assert.strictEqual(launcher.forwards("SIGINT", "linux", true), false);
        assert.strictEqual(launcher.forwards("SIGTERM", "win32", false), false);
    });
});

// ---- The rendered launcher run for real. These use #!/bin/sh scripts as the executables.

const posixOnly = { skip: process.platform === "win32" ? "uses #!/bin/sh executables" : false, timeout: 20000 };

function script(dir, name, body) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "#!/bin/sh\n" + body + "\n");
    fs.chmodSync(file, 0o755);
    return file;
}

// Runs `node launcher args...`; resolves { code, signal, stdout, stderr }. onStdout sees output as it arrives.
function runLauncher(launcherFile, args, options) {
    options = options || {};
    return new Promise((resolve, reject) => {
        // The test's own environment must not choose for the launcher.
        const unset = { MYTOOL_BINARY_PATH: undefined, MYTOOL_LIBC: undefined, CLI_BINARY_PATH: undefined };
        const env = Object.assign({}, process.env, unset, options.env);
        for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
        const child = spawn(process.execPath, [launcherFile].concat(args), { env, stdio: ["pipe", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => {
            stdout += chunk;
            if (options.onStdout) options.onStdout(stdout, child);
        });
        child.stderr.on("data", (chunk) => (stderr += chunk));
        child.on("error", reject);
        child.on("exit", (code, signal) => {
            // Read what is left in the pipes, but do not wait for a stray grandchild holding them open.
            setTimeout(() => resolve({ code, signal, stdout, stderr }), 50);
        });
        child.stdin.end(options.stdin || "");
    });
}

function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return error.code === "EPERM";
    }
}

describe("the launcher run with a binary path override", () => {
    const dir = fs.mkdtempSync(path.join(scratch, "override-"));
    const launcherFile = path.join(dir, "mytool.js");
    fs.writeFileSync(launcherFile, render(CONFIG));
    const run = (body, args, options) => {
        const file = script(dir, "tool-" + rendered++, body);
        return runLauncher(
            launcherFile,
            args,
            Object.assign({}, options, { env: Object.assign({ MYTOOL_BINARY_PATH: file }, (options || {}).env) }),
        );
    };

    it("passes arguments with spaces and quotes intact, stdin through, and exit code 3 back", posixOnly, async () => {
        const args = ["two words", "it's", '"double"', "", "$HOME", "*", "back\\slash", "ünïcode"];
        const result = await run(
            'for a in "$@"; do printf "[%s]\\n" "$a"; done; read line; echo "stdin: $line"; exit 3',
            args,
            { stdin: "hello there\n" },
        );
        assert.strictEqual(result.stderr, "");
        assert.strictEqual(result.stdout, args.map((a) => "[" + a + "]\n").join("") + "stdin: hello there\n");
        assert.strictEqual(result.code, 3);
        assert.strictEqual(result.signal, null);
    });

    it("exits 0 when the executable does", posixOnly, async () => {
        const result = await run("exit 0", []);
        assert.deepStrictEqual([result.code, result.signal], [0, null]);
    });

    // The executable says "ready <pid>" and then sleeps; `exec` makes the sleep the launcher's child itself.
    const sleeper = 'echo "ready $$"; exec sleep 30';
    const sendWhenReady = (signal, seen) => (stdout, launcherProcess) => {
        const match = /ready (\d+)/.exec(stdout);
        if (match && !seen.pid) {
            seen.pid = Number(match[1]);
            launcherProcess.kill(signal);
        }
    };

    for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
        it("passes " + signal + " to the executable and then dies of it itself", posixOnly, async () => {
            const seen = {};
            const result = await run(sleeper, [], { onStdout: sendWhenReady(signal, seen) });
            assert.ok(seen.pid, "the executable started");
            assert.strictEqual(
                result.signal,
                signal,
                "the launcher's exit shows the signal: " + JSON.stringify(result),
            );
            assert.strictEqual(result.code, null);
            assert.strictEqual(alive(seen.pid), false, "the executable ended too");
        });
    }

    // util-linux `script` gives the launcher a terminal; typing Ctrl+C there sends SIGINT to the launcher and its
    // child at once, so the launcher must not send the child a second one.
    const scriptTool = ["/usr/bin/script", "/bin/script"].find((file) => fs.existsSync(file));
    const withTerminal = {
        timeout: 20000,
        skip: process.platform !== "linux" ? "Linux only" : !scriptTool ? "needs util-linux script" : false,
    };
    it("does not repeat a terminal's Ctrl+C to the executable, which already got it", withTerminal, async () => {
        const counter = path.join(dir, "count-sigint.js");
        fs.writeFileSync(
            counter,
            "#!" +
                process.execPath +
                "\n" +
                "let n = 0;\n" +
                'process.on("SIGINT", () => { if (n++ === 0) setTimeout(() => process.exit(10 + n), 700); console.log("INT " + n); });\n' +
                'console.log("ready");\n' +
                "setTimeout(() => process.exit(99), 15000);\n",
        );
        fs.chmodSync(counter, 0o755);
        const command = "exec '" + process.execPath + "' '" + launcherFile + "'";
        const terminal = spawn(scriptTool, ["-qefc", command, "/dev/null"], {
            env: Object.assign({}, process.env, { MYTOOL_BINARY_PATH: counter }),
        });
        let output = "";
        terminal.stdout.on("data", (chunk) => {
            output += chunk;
            if (/ready/.test(output) && !terminal.typed) terminal.stdin.write("\x03", () => (terminal.typed = true));
        });
        const code = await new Promise((resolve) => terminal.on("exit", resolve));
        assert.match(output, /INT 1/);
        assert.doesNotMatch(output, /INT 2/, "the executable got SIGINT twice: " + JSON.stringify(output));
        assert.strictEqual(code, 11);
    });

    it("keeps waiting when the executable handles the signal, and exits with its code", posixOnly, async () => {
        const seen = {};
        const body = 'trap \'echo "cleaning up"; exit 7\' TERM; echo "ready $$"; while :; do sleep 0.05; done';
        const result = await run(body, [], { onStdout: sendWhenReady("SIGTERM", seen) });
        assert.match(result.stdout, /cleaning up/);
        assert.deepStrictEqual([result.code, result.signal], [7, null]);
    });

    it("dies of the signal that killed the executable, even one it cannot catch", posixOnly, async () => {
        const result = await run("kill -KILL $$", []);
        assert.deepStrictEqual([result.code, result.signal], [null, "SIGKILL"]);
    });

    it("exits 128+N for a signal Node will not die of (SIGUSR1 starts its inspector)", posixOnly, async () => {
        const result = await run("kill -USR1 $$", []);
        assert.deepStrictEqual([result.code, result.signal], [128 + os.constants.signals.SIGUSR1, null]);
    });

    it("says in one line that the executable is missing or not executable, exiting 127 or 126", posixOnly, async () => {
        const missingPath = path.join(dir, "no-such-tool");
        const missing = await runLauncher(launcherFile, [], { env: { MYTOOL_BINARY_PATH: missingPath } });
        assert.strictEqual(missing.code, 127);
        assert.strictEqual(
            missing.stderr,
            "mytool: cannot run " +
                missingPath +
                ": not found, or its dynamic loader is missing; the path comes from MYTOOL_BINARY_PATH\n",
        );

        const plain = path.join(dir, "not-executable");
        fs.writeFileSync(plain, "#!/bin/sh\n", { mode: 0o644 });
        const denied = await runLauncher(launcherFile, [], { env: { MYTOOL_BINARY_PATH: plain } });
        assert.strictEqual(denied.code, 126);
        assert.match(denied.stderr, /^mytool: cannot run .*not-executable: permission denied/);
        assert.strictEqual(denied.stderr.trim().split("\n").length, 1);
    });
});

// A project's node_modules made by hand: the main package's launcher beside platform packages whose executables
// print their own package name, for the OS and CPU this test runs on.
describe("the launcher resolving platform packages from node_modules", () => {
    const hostLibcs = process.platform === "linux" ? ["glibc", "musl"] : [null];
    const foreignOs = process.platform === "darwin" ? "linux" : "darwin";

    function project(scope, options) {
        const root = fs.mkdtempSync(path.join(scratch, "project-"));
        const bin = path.basename(scope);
        const packages = hostLibcs.map((libc) => platformPackage(scope, process.platform, process.arch, libc));
        const foreign = platformPackage(scope, foreignOs, "arm64", foreignOs === "linux" ? "glibc" : null);
        const config = configFor(scope, bin, packages.concat([foreign]));
        // pnpm keeps packages in node_modules/.pnpm/<name>@<version>/node_modules and symlinks the top level to it.
        const modules = options.pnpm
            ? path.join(root, "node_modules", ".pnpm", "main@1.2.0", "node_modules")
            : path.join(root, "node_modules");
        const main = path.join(modules, scope);
        fs.mkdirSync(main, { recursive: true });
        fs.writeFileSync(
            path.join(main, "package.json"),
            JSON.stringify({ name: scope, version: "1.2.0", bin: { [bin]: "launcher.js" } }),
        );
        fs.writeFileSync(path.join(main, "launcher.js"), render(config));
        for (const pkg of options.install(packages, foreign)) {
            const dir = path.join(modules, pkg.name);
            fs.mkdirSync(dir, { recursive: true });
            fs.writeFileSync(
                path.join(dir, "package.json"),
                JSON.stringify({ name: pkg.name, version: "1.2.0", os: [pkg.os], cpu: [pkg.cpu] }),
            );
            script(dir, pkg.binary, 'echo "' + pkg.name + ' $*"');
        }
        let launcherFile = path.join(main, "launcher.js");
        if (options.pnpm) {
            const link = path.join(root, "node_modules", scope);
            fs.mkdirSync(path.dirname(link), { recursive: true });
            fs.symlinkSync(main, link, "dir");
            launcherFile = path.join(link, "launcher.js");
        }
        return { config, packages, foreign, launcherFile };
    }

    it("runs the installed platform package's executable found by require.resolve", posixOnly, async () => {
        const p = project("mytool", { install: (packages) => packages });
        const expected =
            process.platform !== "linux"
                ? p.packages[0]
                : process.report.getReport().header.glibcVersionRuntime
                  ? p.packages[0]
                  : null;
        const result = await runLauncher(p.launcherFile, ["--version", "x y"]);
        assert.strictEqual(result.stderr, "");
        assert.strictEqual(result.code, 0);
        if (expected) assert.strictEqual(result.stdout, expected.name + " --version x y\n");
        else assert.match(result.stdout, /^mytool-\S+ --version x y\n$/);
    });

    it(
        "chooses between the installed glibc and musl builds by the libc variable",
        { ...posixOnly, skip: process.platform !== "linux" ? "Linux only" : false },
        async () => {
            const p = project("mytool", { install: (packages) => packages });
            for (const [libc, suffix] of [
                ["musl", "musl"],
                ["glibc", "gnu"],
            ]) {
                const result = await runLauncher(p.launcherFile, ["a"], { env: { MYTOOL_LIBC: libc } });
                assert.strictEqual(
                    result.stdout,
                    "mytool-" + process.platform + "-" + process.arch + "-" + suffix + " a\n",
                );
            }
        },
    );

    it("finds scoped platform packages in a pnpm-style symlinked store", posixOnly, async () => {
        const p = project("@acme/cli", { pnpm: true, install: (packages) => packages.slice(0, 1) });
        const result = await runLauncher(p.launcherFile, ["run"]);
        assert.strictEqual(result.stderr, "");
        assert.strictEqual(result.stdout, p.packages[0].name + " run\n");
    });

    it("says which package is missing, and names another OS's package installed instead", posixOnly, async () => {
        const p = project("mytool", { install: (packages, foreign) => [foreign] });
        const result = await runLauncher(p.launcherFile, [], { env: { MYTOOL_LIBC: "glibc" } });
        assert.strictEqual(result.code, 1);
        assert.strictEqual(result.stdout, "");
        assert.match(
            result.stderr,
            new RegExp(
                "^mytool: the mytool executable for " +
                    process.platform +
                    " " +
                    process.arch +
                    ".* is missing: it comes in the optional dependency " +
                    p.packages[0].name.replace(/[-/]/g, "\\$&") +
                    "@1\\.2\\.0",
            ),
        );
        assert.match(result.stderr, new RegExp("Installed instead: " + p.foreign.name));
        assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
    });

    it("blames omitted optional dependencies when no platform package is installed", posixOnly, async () => {
        const p = project("mytool", { install: () => [] });
        const result = await runLauncher(p.launcherFile, [], { env: { MYTOOL_LIBC: "glibc" } });
        assert.strictEqual(result.code, 1);
        assert.match(result.stderr, /--omit=optional/);
        assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
    });
});
