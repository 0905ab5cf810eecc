#!/usr/bin/env node
// The command of an npm package published by crossdock. The package lists one platform package per target as
// optionalDependencies; the package manager installs the ones whose os/cpu/libc fields match. This script
// finds the right one for this machine and runs its executable, passing arguments, stdio, signals and the
// exit status through. Plain CommonJS without dependencies: it must run on Node 14+ and under Bun and Deno.
//
// When `require`d instead of run, it only exports its decision functions, with every look at the machine
// (platform, process.report, /lib, ldd, the environment, require.resolve) passed in, so tests can fake them.
"use strict";

const childProcess = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

// Written by crossdock: { name, version, libcEnv, commands: [{ name, binaryPathEnv }],
// packages: [{ name, os, cpu, libc, binaries: { command: path } }] }.
const CONFIG = __CROSSDOCK_CONFIG__;

// A failure explained to the user in plain words: printed alone, without a stack trace.
class LauncherError extends Error {}

// One probe of the machine. A probe that throws (no /lib64, no ldd, no process.report) is no evidence.
function attempt(probe) {
    try {
        return probe();
    } catch (error) {
        return undefined;
    }
}

function describe(pkg) {
    // A Linux package without libc holds a program that needs none (Go, Zig): it runs on glibc and musl alike.
    return `${pkg.os} ${pkg.cpu}` + (pkg.libc ? ` (${pkg.libc})` : pkg.os === "linux" ? " (any libc)" : "");
}

/**
 * Tells glibc from musl on Linux, strongest evidence first. Returns { libc: "glibc" | "musl" | null, by }, where
 * `by` names the evidence; null means nothing was conclusive. probe: { env, report(), readdir(dir), run(cmd, args) }.
 */
function detectLibc(probe, overrideVariable) {
    // 1. The user knows best: e.g. a glibc build on Alpine with gcompat, or a detection we get wrong.
    const override = overrideVariable ? probe.env[overrideVariable] : "";
    if (override) {
        const libc = { glibc: "glibc", gnu: "glibc", musl: "musl" }[override.trim().toLowerCase()];
        if (!libc) throw new LauncherError(`${overrideVariable} must be "glibc" or "musl", not "${override}".`);
        return { libc: libc, by: overrideVariable };
    }

    // 2. Node's diagnostic report names the glibc it runs on. Its absence does not mean musl: Bun's report has no
    //    such field on glibc systems either.
    const header = attempt(probe.report);
    if (header && header.glibcVersionRuntime) return { libc: "glibc", by: "process.report" };

    // 3. The dynamic loaders: musl's /lib/ld-musl-<arch>.so.1, glibc's ld-linux-*.so.N in /lib or /lib64. One alone
    //    settles it; both is common (Debian's "musl" package adds ld-musl to a glibc system, Alpine's "gcompat"
    //    adds ld-linux to a musl one), so then ldd decides.
    const loaders = [];
    for (const dir of ["/lib", "/lib64"]) {
        for (const name of attempt(() => probe.readdir(dir)) || []) loaders.push(`${dir}/${name}`);
    }
    const muslLoader = loaders.find((file) => /\/ld-musl-[^/]+\.so\.1$/.test(file));
    const glibcLoader = loaders.find((file) => /\/ld-linux[^/]*\.so\.\d+$/.test(file));
    if (muslLoader && !glibcLoader) return { libc: "musl", by: muslLoader };
    if (glibcLoader && !muslLoader) return { libc: "glibc", by: glibcLoader };

    // 4. `ldd --version`: glibc's prints "ldd (GNU libc) 2.39" on stdout and exits 0; musl's prints its banner on
    //    stderr and exits 1, so read both streams and ignore the status. ldd may not exist at all (distroless
    //    images): that is no evidence, never a crash (biome #10501).
    const ldd = attempt(() => probe.run("ldd", ["--version"]));
    const text = ldd ? String(ldd.stdout || "") + "\n" + String(ldd.stderr || "") : "";
    if (/musl/i.test(text)) return { libc: "musl", by: "ldd --version" };
    if (/GNU libc|GLIBC|GNU C Library/i.test(text)) return { libc: "glibc", by: "ldd --version" };
    return { libc: null, by: null };
}

/**
 * Whether this Windows machine is arm64 while Node itself is x64, running under Windows' x64 emulation. Such a
 * process is shown an x64 machine: process.arch, os.machine() and the report's osMachine (the last two from
 * libuv, which asks GetSystemInfo, answered for the process) say x64, PROCESSOR_ARCHITECTURE is "AMD64", and
 * PROCESSOR_ARCHITEW6432 is unset, as it is set only for 32-bit processes (nvm-windows #1407,
 * DeusData/codebase-memory-mcp #908). Left alone by the emulation: PROCESSOR_IDENTIFIER ("ARMv8 (64-bit) Family 8
 * ...", as seen from x64 Python on a Snapdragon X in microsoft/winml-cli #58) and the system's own
 * PROCESSOR_ARCHITECTURE in the registry.
 */
function windowsHostIsArm64(probe) {
    const env = probe.env;
    const arm64 = (value) => /^arm64$/i.test(value || "");
    if (arm64(env.PROCESSOR_ARCHITEW6432) || arm64(env.PROCESSOR_ARCHITECTURE)) return true;
    if (/^arm/i.test(env.PROCESSOR_IDENTIFIER || "")) return true;
    if (/^(arm64|aarch64)$/i.test(attempt(probe.machine) || "")) return true; // in case a libuv ever answers natively
    // Last, because it starts a process: when the environment was cleared, read the value it is normally made from.
    const key = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment";
    const reg = attempt(() => probe.run("reg", ["query", key, "/v", "PROCESSOR_ARCHITECTURE"]));
    return Boolean(reg && /\bARM64\b/i.test(String(reg.stdout || "")));
}

// The installed executable of a platform package, or null when the package is not installed. Resolving the
// package.json through require.resolve works wherever the package manager put it: npm's and yarn's flat
// node_modules, pnpm's symlinked store, and Yarn PnP (platform packages are preferUnplugged, so a real file).
function locate(pkg, resolver) {
    const manifest = attempt(() => resolver(`${pkg.name}/package.json`));
    return manifest ? path.join(path.dirname(manifest), pkg.binary) : null;
}

/**
 * Chooses the executable to run. Returns { path, name, note }: name is the platform package (null for the
 * binaryPathEnv override); note, when set, says why this is a second choice and is shown if it fails to start.
 * Throws LauncherError when there is nothing to run. host: { platform, arch, env, report(), readdir(dir),
 * run(cmd, args), machine() }; resolver: require.resolve, or a fake that throws for packages not installed.
 */
function selectPackage(config, host, resolver) {
    // An explicit executable wins, like ESBUILD_BINARY_PATH: a local build, a distro's package, an unlisted platform.
    const override = host.env[config.binaryPathEnv];
    if (override) {
        return { path: path.resolve(override), name: null, note: `the path comes from ${config.binaryPathEnv}` };
    }

    const platform = host.platform;
    const arch = host.arch;
    const built = (cpu) => config.packages.filter((pkg) => pkg.os === platform && pkg.cpu === cpu);
    const native = built(arch);

    // On Linux both libc builds may be installed (pnpm, yarn classic and older npm ignore `libc`), and beside them a
    // libc-free one (no `libc` field: npm installs it everywhere): detect, then rank. Only libc builds need detecting.
    let detected = { libc: null, by: null };
    if (native.some((pkg) => pkg.libc)) detected = detectLibc(host, config.libcEnv);
    // Detected: the build for this libc first (it was made for exactly this system), then the libc-free one.
    // Undecided: the libc-free build surely runs, then musl (usually static, so it runs on glibc too), then glibc.
    const preferred = detected.libc || "musl";
    const fitting = native.filter((pkg) => pkg.libc === preferred);
    const libcFree = native.filter((pkg) => !pkg.libc);
    const fits = (pkg) => !pkg.libc || pkg.libc === preferred;

    // Candidates, best first. `exact` ones are built for this very platform; `when` defers a costly check until the
    // package turns out to be installed.
    const choices = [];
    if (platform === "win32" && arch === "x64") {
        // x64 Node emulated on arm64 Windows: the native arm64 build is faster, when it was installed (npm asked by
        // an x64 Node installs only the x64 one, so its presence means someone wanted it).
        for (const pkg of built("arm64")) choices.push({ pkg: pkg, when: () => windowsHostIsArm64(host) });
    }
    const ranked = detected.libc ? fitting.concat(libcFree) : libcFree.concat(fitting);
    for (const pkg of ranked) choices.push({ pkg: pkg, exact: true });
    for (const pkg of native.filter((p) => !fits(p))) {
        // Only the other libc's build is installed: run it rather than refuse. A static musl build runs on glibc, and
        // our detection may be the one that is wrong. If it cannot start, the note explains (see startFailure).
        const note = detected.libc
            ? `it is the ${pkg.libc} build, and this system looks like ${detected.libc} (by ${detected.by}); ` +
              `set ${config.libcEnv} to choose, or reinstall so the ${detected.libc} package is installed`
            : `it is the ${pkg.libc} build; set ${config.libcEnv} if this system uses the other libc`;
        choices.push({ pkg: pkg, exact: !detected.libc, note: note });
    }
    if ((platform === "win32" || platform === "darwin") && arch === "arm64") {
        // Windows on arm64 emulates x64 and macOS has Rosetta 2: an x64 build is a working second choice.
        for (const pkg of built("x64")) choices.push({ pkg: pkg, note: "it is the x64 build, run under emulation" });
    }
    if (platform === "win32" && (arch === "x64" || arch === "arm64")) {
        // 64-bit Windows runs 32-bit x86 programs (WoW64, and x86 emulation on arm64): the ia32 build is a last resort.
        for (const pkg of built("ia32")) choices.push({ pkg: pkg, note: "it is the 32-bit x86 build" });
    }

    for (const choice of choices) {
        const file = locate(choice.pkg, resolver);
        if (file && (!choice.when || choice.when())) {
            return { path: file, name: choice.pkg.name, note: choice.note || null };
        }
    }

    const expected = choices.find((choice) => choice.exact);
    if (!expected) throw unsupported(config, platform, arch, detected.libc);
    throw missing(config, expected.pkg, detected, choices, resolver);
}

function unsupported(config, platform, arch, libc) {
    const here = `${platform} ${arch}` + (libc ? ` (${libc})` : "");
    return new LauncherError(
        `${config.name} ${config.version} has no executable for ${here}. ` +
            `It is built for: ${config.packages.map(describe).join(", ")}.\n` +
            `To use a build of your own, set ${config.binaryPathEnv} to the path of a ${config.bin} executable.`,
    );
}

function missing(config, expected, detected, choices, resolver) {
    const spec = `${expected.name}@${config.version}`;
    const lines = [
        `the ${config.bin} executable for ${describe(expected)} is missing: ` +
            `it comes in the optional dependency ${spec}, which is not installed.`,
    ];
    if (expected.libc && !detected.libc) {
        lines.push(`(Could not tell glibc from musl here; set ${config.libcEnv}=glibc or =musl to choose.)`);
    }
    // Another platform's package in its place means node_modules was installed on another OS or CPU.
    const candidates = choices.map((choice) => choice.pkg);
    const others = config.packages.filter((pkg) => candidates.indexOf(pkg) < 0 && locate(pkg, resolver));
    if (others.length > 0) {
        const names = others.map((pkg) => `${pkg.name} (${describe(pkg)})`).join(", ");
        lines.push(
            `Installed instead: ${names}. This node_modules was installed on another OS or CPU ` +
                "(copied into a container or VM, or restored from another machine's cache).",
            "To fix it, delete node_modules and install again on this machine " +
                "(npm ci, or your package manager's install).",
        );
    } else {
        lines.push(
            "Likely cause: optional dependencies were left out (npm --omit=optional or --no-optional, " +
                "yarn --ignore-optional, pnpm --no-optional), or the lockfile was made on another OS " +
                "and the package manager left this platform's package out of it (npm/cli#4828).",
            "To fix it, install again with optional dependencies enabled; if the lockfile came from another OS, " +
                `delete node_modules and the lockfile first. Or add ${spec} to your own dependencies.`,
        );
    }
    lines.push(`Or set ${config.binaryPathEnv} to the path of a ${config.bin} executable.`);
    return new LauncherError(lines.join("\n"));
}

// One line for an executable that could not be started, and the shell's status for it: 127 not found, 126 not
// runnable.
function startFailure(target, error) {
    const reasons = {
        // execve() says ENOENT also when the file exists but its dynamic loader does not: a glibc build on musl.
        ENOENT: "not found, or its dynamic loader is missing",
        EACCES: "permission denied (the file is not executable, or its filesystem is mounted noexec)",
    };
    const reason = reasons[error.code] || error.message;
    const hint = target.note || (target.name ? `reinstall ${target.name}` : "");
    return {
        message: `cannot run ${target.path}: ${reason}` + (hint ? `; ${hint}` : ""),
        status: error.code === "ENOENT" ? 127 : 126,
    };
}

/**
 * Whether a signal the launcher receives is passed on to the child. Ctrl+C in a terminal already sends SIGINT to
 * the whole foreground process group, child included; a second copy makes "press Ctrl+C again to force quit"
 * programs quit at once and REPLs crash (GoogleCloudPlatform/berglas #158, astral-sh/uv #11009), so with a
 * terminal on stdin SIGINT is not repeated. Without one it comes from a supervisor's kill and must be passed on.
 * On Windows child.kill() is TerminateProcess, not a signal, and the console delivers Ctrl+C and close events
 * to the child itself: nothing is passed on there, the launcher just keeps waiting for the exit code.
 */
function forwards(signal, platform, interactive) {
    if (platform === "win32") return false;
    return !(signal === "SIGINT" && interactive);
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];

// Ends the launcher the way the child ended, so the shell sees 128+N and a parent sees the signal: a signal
// death must never become exit 0 (opencode #17978).
function exitLikeSignal(signal) {
    const status = 128 + (os.constants.signals[signal] || 0);
    // Node keeps SIGUSR1 for its inspector and ignores SIGPIPE, so raising those (or a signal whose default action
    // is not to terminate) leaves us alive: then exit with the status the shell would have shown.
    if (signal !== "SIGUSR1") attempt(() => process.kill(process.pid, signal));
    setTimeout(() => process.exit(status), 100);
}

/**
 * The launcher's view of one command: its name as `bin`, its override variable as `binaryPathEnv`, and each
 * package's executable for it as `binary`, which is all the decision functions need to know about commands.
 */
function forCommand(config, name) {
    const command = config.commands.find((c) => c.name === name) || config.commands[0];
    return Object.assign({}, config, {
        bin: command.name,
        binaryPathEnv: command.binaryPathEnv,
        packages: config.packages.map((pkg) => Object.assign({}, pkg, { binary: pkg.binaries[command.name] })),
    });
}

function run(target, args, bin) {
    const interactive = attempt(() => require("tty").isatty(0)) === true;
    const handlers = {};
    let child = null;
    // Listen before spawning: the child can be running (and be signalled along with us) before spawn() returns, and
    // until we listen these signals would kill the launcher and orphan the child. JavaScript handlers run only
    // after this function, so `child` is always set by then.
    for (const signal of SIGNALS) {
        handlers[signal] = () => {
            if (forwards(signal, process.platform, interactive)) attempt(() => child.kill(signal));
        };
        process.on(signal, handlers[signal]);
    }
    const release = () => SIGNALS.forEach((signal) => process.removeListener(signal, handlers[signal]));
    const failed = (error) => {
        release();
        const failure = startFailure(target, error);
        process.stderr.write(`${bin}: ${failure.message}\n`);
        process.exitCode = failure.status;
    };

    try {
        child = childProcess.spawn(target.path, args, { stdio: "inherit" });
    } catch (error) {
        return failed(error); // e.g. EINVAL: Node refuses to spawn a .bat or .cmd file without a shell
    }
    child.on("error", (error) => {
        if (child.pid === undefined) failed(error); // otherwise a failed kill(), and the exit event still comes
    });
    child.on("exit", (code, signal) => {
        release();
        if (signal) exitLikeSignal(signal);
        else process.exitCode = code;
    });
}

// The real machine, in the shape the decision functions take.
function realHost() {
    return {
        platform: process.platform,
        arch: process.arch,
        env: process.env,
        report() {
            // excludeNetwork (Node 20.13+) skips the network look-ups that can make getReport() slow.
            const report = process.report;
            const previous = report.excludeNetwork;
            attempt(() => (report.excludeNetwork = true)); // a runtime may not let us; the report still counts
            try {
                return report.getReport().header;
            } finally {
                attempt(() => (report.excludeNetwork = previous));
            }
        },
        readdir: (dir) => fs.readdirSync(dir),
        run(command, args) {
            const options = { encoding: "utf8", timeout: 5000, windowsHide: true, stdio: ["ignore", "pipe", "pipe"] };
            const result = childProcess.spawnSync(command, args, options);
            if (result.error) throw result.error;
            return result;
        },
        machine: () => os.machine(), // Node 16.18+/18.9+; attempt() turns its absence into no evidence
    };
}

// Runs `command` (the first one by default): the other commands' launcher files call main with their name.
function main(command) {
    const config = forCommand(CONFIG, command);
    let target;
    try {
        target = selectPackage(config, realHost(), require.resolve);
    } catch (error) {
        if (!(error instanceof LauncherError)) throw error;
        process.stderr.write(`${config.bin}: ${error.message}\n`);
        process.exitCode = 1;
        return;
    }
    run(target, process.argv.slice(2), config.bin);
}

module.exports = { CONFIG, LauncherError, detectLibc, windowsHostIsArm64, forCommand, selectPackage, startFailure, forwards, main };

if (require.main === module) main();
