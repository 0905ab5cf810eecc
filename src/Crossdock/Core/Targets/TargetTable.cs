using System.Collections.Immutable;

namespace Crossdock.Core.Targets;

/// <summary>
/// The single source of truth for supported targets (like cargo-dist's <c>platform/targets.rs</c>).
/// Every other part of crossdock reads triples and platform names from here.
/// </summary>
public static class TargetTable
{
    private static readonly OperatingSystemFamily Linux = OperatingSystemFamily.Linux;
    private static readonly OperatingSystemFamily Macos = OperatingSystemFamily.Macos;
    private static readonly OperatingSystemFamily Windows = OperatingSystemFamily.Windows;
    private static readonly OperatingSystemFamily FreeBsd = OperatingSystemFamily.FreeBsd;

    /// <summary>All supported targets, defaults first in the seed's order.</summary>
    public static ImmutableArray<Target> All { get; } =
    [
        new("x86_64-unknown-linux-gnu", Linux, CpuArchitecture.X86_64, Libc.Gnu, "linux-x64-gnu", "linux-x64", "x86_64-linux-gnu", IsDefault: true),
        new("x86_64-unknown-linux-musl", Linux, CpuArchitecture.X86_64, Libc.Musl, "linux-x64-musl", "linux-musl-x64", "x86_64-linux-musl", IsDefault: true),
        new("aarch64-unknown-linux-gnu", Linux, CpuArchitecture.Aarch64, Libc.Gnu, "linux-arm64-gnu", "linux-arm64", "aarch64-linux-gnu", IsDefault: true),
        new("aarch64-unknown-linux-musl", Linux, CpuArchitecture.Aarch64, Libc.Musl, "linux-arm64-musl", "linux-musl-arm64", "aarch64-linux-musl", IsDefault: true),
        new("x86_64-apple-darwin", Macos, CpuArchitecture.X86_64, null, "darwin-x64", "osx-x64", "x86_64-macos", IsDefault: true),
        new("aarch64-apple-darwin", Macos, CpuArchitecture.Aarch64, null, "darwin-arm64", "osx-arm64", "aarch64-macos", IsDefault: true),
        new("x86_64-pc-windows-msvc", Windows, CpuArchitecture.X86_64, null, "win32-x64", "win-x64", "x86_64-windows", IsDefault: true),
        new("aarch64-pc-windows-msvc", Windows, CpuArchitecture.Aarch64, null, "win32-arm64", "win-arm64", "aarch64-windows", IsDefault: false),
        new("i686-unknown-linux-gnu", Linux, CpuArchitecture.I686, Libc.Gnu, "linux-ia32-gnu", "linux-x86", "x86-linux-gnu", IsDefault: false),
        new("i686-unknown-linux-musl", Linux, CpuArchitecture.I686, Libc.Musl, "linux-ia32-musl", null, "x86-linux-musl", IsDefault: false),
        new("armv7-unknown-linux-gnueabihf", Linux, CpuArchitecture.Armv7, Libc.Gnu, "linux-arm-gnueabihf", "linux-arm", "arm-linux-gnueabihf", IsDefault: false),
        new("armv7-unknown-linux-musleabihf", Linux, CpuArchitecture.Armv7, Libc.Musl, "linux-arm-musleabihf", "linux-musl-arm", "arm-linux-musleabihf", IsDefault: false),
        new("riscv64gc-unknown-linux-gnu", Linux, CpuArchitecture.Riscv64, Libc.Gnu, "linux-riscv64-gnu", "linux-riscv64", "riscv64-linux-gnu", IsDefault: false),
        new("powerpc64le-unknown-linux-gnu", Linux, CpuArchitecture.Ppc64le, Libc.Gnu, "linux-ppc64-gnu", "linux-ppc64le", "powerpc64le-linux-gnu", IsDefault: false),
        new("s390x-unknown-linux-gnu", Linux, CpuArchitecture.S390x, Libc.Gnu, "linux-s390x-gnu", "linux-s390x", "s390x-linux-gnu", IsDefault: false),
        // Libc-free Linux (Rust's -linux-none): one package per architecture, like esbuild's linux-x64. .NET has no
        // libc-free RID; such a binary runs wherever the plain linux RID runs.
        new("x86_64-unknown-linux-none", Linux, CpuArchitecture.X86_64, Libc.None, "linux-x64", "linux-x64", "x86_64-linux-none", IsDefault: false),
        new("aarch64-unknown-linux-none", Linux, CpuArchitecture.Aarch64, Libc.None, "linux-arm64", "linux-arm64", "aarch64-linux-none", IsDefault: false),
        new("i686-pc-windows-msvc", Windows, CpuArchitecture.I686, null, "win32-ia32", "win-x86", "x86-windows", IsDefault: false),
        new("x86_64-unknown-freebsd", FreeBsd, CpuArchitecture.X86_64, null, "freebsd-x64", "freebsd-x64", "x86_64-freebsd", IsDefault: false),
        new("aarch64-unknown-freebsd", FreeBsd, CpuArchitecture.Aarch64, null, "freebsd-arm64", "freebsd-arm64", "aarch64-freebsd", IsDefault: false),
    ];

    /// <summary>The default release: the seed's 7 distinct targets.</summary>
    public static ImmutableArray<Target> Defaults { get; } = [.. All.Where(t => t.IsDefault)];

    /// <summary>
    /// The default release of a program that needs no libc (Go with cgo off, Zig without libc): the defaults with each
    /// Linux architecture's glibc and musl targets replaced by its one libc-free target, so each builds once.
    /// </summary>
    public static ImmutableArray<Target> LibcFreeDefaults { get; } =
    [
        .. Defaults.Select(t => t.Os == Linux ? Find(Linux, t.Arch, Libc.None) ?? t : t).Distinct(),
    ];

    public static Target? FindByTriple(string triple) =>
        All.FirstOrDefault(t => string.Equals(t.Triple, triple, StringComparison.Ordinal));

    /// <summary>The target for an OS, architecture and (on Linux) libc, <see cref="Libc.None"/> included; null when unsupported.</summary>
    public static Target? Find(OperatingSystemFamily os, CpuArchitecture arch, Libc? libc) =>
        All.FirstOrDefault(t => t.Os == os && t.Arch == arch && t.Libc == libc);
}
