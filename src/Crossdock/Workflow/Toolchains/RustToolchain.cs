using Crossdock.Core.Targets;

namespace Crossdock.Workflow.Toolchains;

/// <summary>
/// Rust: every Linux target builds on x86_64 Ubuntu inside cross's containers (cross-rs), which carry the
/// musl and aarch64 C toolchains and link against an older glibc than the runner's Ubuntu 24.04 (2.39),
/// so the wheel gets a low manylinux tag and the binary runs on older distributions; x86_64 FreeBSD builds
/// there too, in cross's FreeBSD image. macOS and Windows targets build with plain cargo on their own OS. The
/// setup template installs cross exactly where <see cref="Command"/> uses it: on Linux runners.
/// </summary>
public sealed class RustToolchain : BuildToolchain
{
    public override string Language => "rust";

    public override string? Runner(Target target, BuildSettings build)
    {
        return WhyNot(target, build) is null ? HostedRunners.CrossCompilingLinuxFromX64(target) : null;
    }

    /// <summary>Rust's -linux-none targets and aarch64 FreeBSD are tier 3: rustup ships no standard library for them.</summary>
    public override string? WhyNot(Target target, BuildSettings build) =>
        target.IsLibcFree ? "Rust's libc-free Linux targets have no standard library (tier 3); the -musl target makes a static binary"
        : target.Os == OperatingSystemFamily.FreeBsd && target.Arch != CpuArchitecture.X86_64 ? $"Rust ships no standard library for {target.Arch} FreeBSD (tier 3)"
        : null;

    public override string Command(Target target, BuildSettings build)
    {
        var cargo = target.Os == OperatingSystemFamily.Linux || target.Os == OperatingSystemFamily.FreeBsd ? "cross" : "cargo";
        var package = build.Project is { } name ? $" --package {name}" : "";
        return $"{cargo} build --release --locked --target {target.Triple}{package}";
    }

    /// <summary>Cargo writes each binary target under its own name: the <c>[[bin]]</c> name, or the package's.</summary>
    public override string Binary(Target target, string file) =>
        $"target/{target.Triple}/release/{target.ExecutableFileName(file)}";
}
