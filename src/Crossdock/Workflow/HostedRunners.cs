using Crossdock.Core.Targets;

namespace Crossdock.Workflow;

/// <summary>
/// The GitHub-hosted runner labels the release workflow uses, chosen from a target's OS and CPU (never from
/// its triple). All are free for public repositories.
/// </summary>
public static class HostedRunners
{
    /// <summary>x86_64 Ubuntu; also where Docker-based cross builds run (cross's images are x86_64).</summary>
    public const string LinuxX64 = "ubuntu-latest";

    /// <summary>Arm64 Ubuntu, for toolchains that only build for the machine they run on (.NET NativeAOT).</summary>
    public const string LinuxArm64 = "ubuntu-24.04-arm";

    /// <summary>Apple-silicon macOS; Xcode's toolchain builds x86_64 binaries there too.</summary>
    public const string Macos = "macos-latest";

    public const string WindowsX64 = "windows-latest";

    /// <summary>Arm64 Windows: the binary is built where it runs, with the native MSVC toolchain.</summary>
    public const string WindowsArm64 = "windows-11-arm";

    /// <summary>
    /// The runner whose OS is the target's and whose CPU is the target's or can build for it with the OS's
    /// own toolchain; null when GitHub hosts no such machine (e.g. Linux on riscv64, FreeBSD).
    /// </summary>
    public static string? SameMachine(Target target)
    {
        if (target.Os == OperatingSystemFamily.Macos) return Macos;
        if (target.Os == OperatingSystemFamily.Windows)
        {
            // x64 Windows builds and runs 32-bit x86 programs (WoW64) with the same toolchains.
            if (target.Arch == CpuArchitecture.X86_64 || target.Arch == CpuArchitecture.I686) return WindowsX64;
            return target.Arch == CpuArchitecture.Aarch64 ? WindowsArm64 : null;
        }
        if (target.Os != OperatingSystemFamily.Linux) return null; // GitHub hosts no FreeBSD runner
        if (target.Arch == CpuArchitecture.X86_64) return LinuxX64;
        return target.Arch == CpuArchitecture.Aarch64 ? LinuxArm64 : null;
    }

    /// <summary>
    /// For toolchains that cross-compile every Linux target from x86_64 (Go, Zig, Rust through cross):
    /// Linux targets, and FreeBSD, which GitHub does not host, build on <see cref="LinuxX64"/>, the others on their own OS.
    /// </summary>
    public static string? CrossCompilingLinuxFromX64(Target target) =>
        target.Os == OperatingSystemFamily.Linux || target.Os == OperatingSystemFamily.FreeBsd ? LinuxX64 : SameMachine(target);

    /// <summary>Every label the generator can emit (the test set-up declares the ones actionlint does not know yet).</summary>
    public static IReadOnlyList<string> All { get; } = [LinuxX64, LinuxArm64, Macos, WindowsX64, WindowsArm64];
}
