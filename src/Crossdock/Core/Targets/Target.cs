namespace Crossdock.Core.Targets;

/// <summary>
/// One platform crossdock can ship: a Rust target triple and every name the packaging ecosystems give it.
/// Only <see cref="TargetTable"/> creates these, so a triple is spelled in exactly one place.
/// </summary>
/// <param name="Triple">The Rust target triple; crossdock's identity for a target.</param>
/// <param name="Os">Operating system family.</param>
/// <param name="Arch">CPU architecture.</param>
/// <param name="Libc">C library on Linux (<see cref="Libc.None"/> for libc-free programs); null elsewhere.</param>
/// <param name="NpmSuffix">Suffix of the npm platform package name (esbuild/napi-rs convention).</param>
/// <param name="DotnetRid">.NET runtime identifier, null where .NET has none.</param>
/// <param name="ZigTarget">Target triple as <c>zig build -Dtarget</c> spells it.</param>
/// <param name="IsDefault">Part of the default release (the seed's 7 distinct targets).</param>
public sealed record Target(
    string Triple,
    OperatingSystemFamily Os,
    CpuArchitecture Arch,
    Libc? Libc,
    string NpmSuffix,
    string? DotnetRid,
    string ZigTarget,
    bool IsDefault)
{
    public WheelTagFamily WheelTagFamily =>
        Os == OperatingSystemFamily.Linux ? (Libc == Libc.Musl ? WheelTagFamily.Musllinux : Libc == Libc.None ? WheelTagFamily.ManylinuxAndMusllinux : WheelTagFamily.Manylinux)
        : Os == OperatingSystemFamily.Macos ? WheelTagFamily.Macosx
        : Os == OperatingSystemFamily.Windows ? WheelTagFamily.Windows
        : WheelTagFamily.None;

    /// <summary>Whether PyPI accepts a wheel for this target at all (it has no FreeBSD platform tag).</summary>
    public bool HasWheel => WheelTagFamily != WheelTagFamily.None;

    /// <summary>A Linux program that needs no C library (<c>-linux-none</c>): one package serves glibc and musl systems.</summary>
    public bool IsLibcFree => Libc == Libc.None;

    /// <summary>
    /// The targets a binary built for this one serves: itself, and for a libc-free Linux target also the glibc and
    /// musl targets of its architecture, since it runs on both.
    /// </summary>
    public IEnumerable<Target> Serves =>
        IsLibcFree ? Libc!.RunsOn.Select(l => TargetTable.Find(Os, Arch, l)).OfType<Target>() : [this];

    /// <summary>A command's executable file on this target: the command, with <c>.exe</c> on Windows.</summary>
    public string ExecutableFileName(string command) => command + Os.ExecutableSuffix;

    /// <summary>The <c>{os, cpu, libc}</c> fields an npm platform package declares.</summary>
    public NpmPlatform NpmPlatform => new(Os.NpmOs, Arch.NpmCpu, Libc?.NpmLibc);

    public override string ToString() => Triple;
}

/// <summary>The families of wheel platform tags (PEP 425, 600, 656) a target's wheel carries.</summary>
public enum WheelTagFamily
{
    Manylinux,
    Musllinux,

    /// <summary>Both, in one compressed tag set: a libc-free program runs on every glibc and musl PyPI accepts.</summary>
    ManylinuxAndMusllinux,
    Macosx,
    Windows,

    /// <summary>No wheel: PyPI accepts no platform tag for this OS (FreeBSD), so only npm can ship it.</summary>
    None,
}

/// <summary>npm's <c>os</c>, <c>cpu</c> and (Linux only) <c>libc</c> package fields, one value each.</summary>
public sealed record NpmPlatform(string Os, string Cpu, string? Libc)
{
    /// <summary>"linux/arm64/musl", "darwin/x64": how messages and tables show it.</summary>
    public override string ToString() => Libc is null ? $"{Os}/{Cpu}" : $"{Os}/{Cpu}/{Libc}";
}
