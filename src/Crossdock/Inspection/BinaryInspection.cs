using System.Collections.Immutable;
using Crossdock.Core.Targets;

namespace Crossdock.Inspection;

/// <summary>Container format of an inspected binary.</summary>
public enum BinaryFormat
{
    Elf,
    MachO,
    FatMachO,
    Pe,
}

/// <summary>One architecture slice of a (possibly fat) Mach-O file.</summary>
public sealed record MachOSlice(CpuArchitecture Arch, MacosVersion? MinimumMacos);

/// <summary>
/// What a binary's headers say about where it can run. Produced by <see cref="BinaryInspector"/>
/// without executing the file.
/// </summary>
/// <param name="Arch">CPU architecture; null for a fat Mach-O (see <see cref="Slices"/>).</param>
/// <param name="Libc">Linux only: the C library the binary needs; null when a static binary shows no sign of either.</param>
/// <param name="IsStatic">Linux only: no program interpreter and no DT_NEEDED.</param>
/// <param name="GlibcRequirement">Linux only: the highest GLIBC_x.y symbol version required.</param>
/// <param name="SymbolVersionNeeds">Linux only: every versioned symbol requirement, e.g. GLIBCXX_3.4.30.</param>
/// <param name="NeededLibraries">Linux only: DT_NEEDED entries.</param>
/// <param name="MinimumMacos">macOS only: the lowest macOS the binary (all slices) runs on.</param>
/// <param name="Slices">macOS only: one entry per architecture slice.</param>
/// <param name="Warnings">What the headers say that will hurt users, e.g. a GUI-subsystem Windows program.</param>
public sealed record BinaryInspection(
    string Path,
    BinaryFormat Format,
    OperatingSystemFamily Os,
    CpuArchitecture? Arch,
    Libc? Libc,
    bool? IsStatic,
    GlibcVersion? GlibcRequirement,
    ImmutableArray<string> SymbolVersionNeeds,
    ImmutableArray<string> NeededLibraries,
    MacosVersion? MinimumMacos,
    ImmutableArray<MachOSlice> Slices,
    ImmutableArray<string> Warnings)
{
    public bool IsFat => Format == BinaryFormat.FatMachO;

    /// <summary>Linux only: the C library in words, as every message and table says it ("glibc 2.17", "musl", "no libc").</summary>
    public string LibcSummary => Libc == Core.Targets.Libc.Gnu
        ? (GlibcRequirement is { } glibc ? $"glibc {glibc}" : "glibc")
        : Libc?.Name ?? "no libc";

    /// <summary>Apple's "universal2": exactly an x86_64 and an arm64 slice.</summary>
    public bool IsUniversal2 => IsFat && Slices.Length == 2
        && Slices.Any(s => s.Arch == CpuArchitecture.X86_64) && Slices.Any(s => s.Arch == CpuArchitecture.Aarch64);
}
