namespace Crossdock.Core.Targets;

/// <summary>
/// A CPU architecture and every spelling of it crossdock needs: our canonical name (the Rust/ELF one),
/// npm's <c>process.arch</c>, the wheel platform-tag arch on Linux and macOS, Go's GOARCH and .NET's RID part.
/// </summary>
/// <param name="Name">Canonical name, as in Rust triples and <c>uname -m</c>: x86_64, aarch64, ...</param>
/// <param name="NpmCpu">npm <c>cpu</c> / Node <c>process.arch</c> value.</param>
/// <param name="LinuxWheelArch">Arch suffix of manylinux/musllinux tags (PEP 600/656).</param>
/// <param name="MacosWheelArch">Arch suffix of macosx_ tags, null where macOS never ran on it.</param>
/// <param name="ManylinuxBaseline">Oldest glibc (2.X) a manylinux tag for this arch can name on PyPI.</param>
public sealed record CpuArchitecture(
    string Name,
    string NpmCpu,
    string LinuxWheelArch,
    string? MacosWheelArch,
    string GoArch,
    string DotnetArch,
    int Bits,
    int ManylinuxBaseline)
{
    public static readonly CpuArchitecture X86_64 = new("x86_64", "x64", "x86_64", "x86_64", "amd64", "x64", 64, 17);
    public static readonly CpuArchitecture Aarch64 = new("aarch64", "arm64", "aarch64", "arm64", "arm64", "arm64", 64, 17);
    public static readonly CpuArchitecture I686 = new("i686", "ia32", "i686", null, "386", "x86", 32, 17);
    public static readonly CpuArchitecture Armv7 = new("armv7", "arm", "armv7l", null, "arm", "arm", 32, 17);
    public static readonly CpuArchitecture Riscv64 = new("riscv64", "riscv64", "riscv64", null, "riscv64", "riscv64", 64, 31);
    public static readonly CpuArchitecture Ppc64le = new("powerpc64le", "ppc64", "ppc64le", null, "ppc64le", "ppc64le", 64, 17);
    public static readonly CpuArchitecture S390x = new("s390x", "s390x", "s390x", null, "s390x", "s390x", 64, 17);

    public static IReadOnlyList<CpuArchitecture> All { get; } = [X86_64, Aarch64, I686, Armv7, Riscv64, Ppc64le, S390x];

    public override string ToString() => Name;
}
