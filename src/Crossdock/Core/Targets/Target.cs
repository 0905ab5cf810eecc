namespace Crossdock.Core.Targets;

/// <summary>
/// One platform crossdock can ship: a Rust target triple and every name the packaging ecosystems give it.
/// Only <see cref="TargetTable"/> creates these, so a triple is spelled in exactly one place.
/// </summary>
/// <param name="Triple">The Rust target triple; crossdock's identity for a target.</param>
/// <param name="Os">Operating system family.</param>
/// <param name="Arch">CPU architecture.</param>
/// <param name="Libc">C library on Linux; null elsewhere.</param>
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
    public WheelTagFamily WheelTagFamily => Os == OperatingSystemFamily.Linux
        ? (Libc == Libc.Musl ? WheelTagFamily.Musllinux : WheelTagFamily.Manylinux)
        : Os == OperatingSystemFamily.Macos ? WheelTagFamily.Macosx : WheelTagFamily.Windows;

    /// <summary>A command's executable file on this target: the command, with <c>.exe</c> on Windows.</summary>
    public string ExecutableFileName(string command) => command + Os.ExecutableSuffix;

    /// <summary>The <c>{os, cpu, libc}</c> fields an npm platform package declares.</summary>
    public NpmPlatform NpmPlatform => new(Os.NpmOs, Arch.NpmCpu, Libc?.NpmLibc);

    public override string ToString() => Triple;
}

/// <summary>The families of wheel platform tags (PEP 425, 600, 656).</summary>
public enum WheelTagFamily
{
    Manylinux,
    Musllinux,
    Macosx,
    Windows,
}

/// <summary>npm's <c>os</c>, <c>cpu</c> and (Linux only) <c>libc</c> package fields, one value each.</summary>
public sealed record NpmPlatform(string Os, string Cpu, string? Libc)
{
    /// <summary>"linux/arm64/musl", "darwin/x64": how messages and tables show it.</summary>
    public override string ToString() => Libc is null ? $"{Os}/{Cpu}" : $"{Os}/{Cpu}/{Libc}";
}
