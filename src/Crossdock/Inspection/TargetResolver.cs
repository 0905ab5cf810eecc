using Crossdock.Core.Targets;

namespace Crossdock.Inspection;

/// <summary>Connects what a binary is to the targets of <see cref="TargetTable"/>: detection, and refusing a wrong label.</summary>
public static class TargetResolver
{
    /// <summary>
    /// The target a binary was built for; null for a fat Mach-O (it serves several) and for a Linux program whose
    /// libc cannot be told. A static Linux program with no sign of glibc or musl maps to the libc-free -none target.
    /// </summary>
    public static Target? Detect(BinaryInspection inspection)
    {
        if (inspection.IsFat || inspection.Arch is null) return null;
        if (inspection.Os != OperatingSystemFamily.Linux) return TargetTable.Find(inspection.Os, inspection.Arch, null);
        return LinuxLibc(inspection) is { } libc ? TargetTable.Find(inspection.Os, inspection.Arch, libc) : null;
    }

    /// <summary>
    /// Why <paramref name="target"/> cannot carry this binary, or null when it can. The OS, the CPU and, on Linux,
    /// the libc must be the target's: a static musl program is no -gnu one and a glibc-linked one no -musl or -none
    /// one. Only a program that needs no libc fits a libc target too, since it runs there (see <see cref="Note"/>).
    /// </summary>
    public static string? Contradiction(Target target, BinaryInspection inspection)
    {
        var fits = target.Os == inspection.Os
            && (inspection.IsFat ? inspection.Slices.Any(s => s.Arch == target.Arch) : inspection.Arch == target.Arch)
            && (target.Os != OperatingSystemFamily.Linux || (LinuxLibc(inspection) is { } libc && libc.RunsOn.Contains(target.Libc!)));
        return fits ? null : $"is {Describe(inspection)}, not {target.Triple}";
    }

    /// <summary>
    /// What the user should know about a label that fits but is not the best one: a libc-free program packed for a
    /// glibc or musl target, where one libc-free package would serve both. Null when there is nothing to say.
    /// </summary>
    public static string? Note(Target target, BinaryInspection inspection)
    {
        if (target.Os != OperatingSystemFamily.Linux || target.IsLibcFree || inspection.Arch is null) return null;
        if (LinuxLibc(inspection) != Libc.None) return null;
        var libcFree = TargetTable.Find(OperatingSystemFamily.Linux, inspection.Arch, Libc.None);
        return libcFree is null
            ? null
            : $"needs no libc, so it runs on glibc and musl alike: one {libcFree.Triple} package would serve both (list it in [package] targets instead of the {target.Arch} glibc and musl targets)";
    }

    /// <summary>A Linux program's libc as a target names it: <see cref="Libc.None"/> for a static one with none; null when unknown.</summary>
    private static Libc? LinuxLibc(BinaryInspection inspection) =>
        inspection.Libc ?? (inspection.IsStatic == true ? Libc.None : null);

    /// <summary>A short human description: "an aarch64 Linux program (glibc 2.17, dynamically linked)".</summary>
    public static string Describe(BinaryInspection inspection)
    {
        if (inspection.IsFat)
        {
            return $"a universal macOS program ({string.Join(" + ", inspection.Slices.Select(s => s.Arch.Name))})";
        }
        var arch = inspection.Arch!.Name;
        var article = "aeiosx".Contains(arch[0], StringComparison.Ordinal) ? "an" : "a"; // as spoken: "an x86_64", "an s390x"
        if (inspection.Os == OperatingSystemFamily.Linux)
        {
            var linkage = inspection.IsStatic == true ? "statically linked" : "dynamically linked";
            return $"{article} {arch} Linux program ({inspection.LibcSummary}, {linkage})";
        }
        if (inspection.Os == OperatingSystemFamily.Macos)
        {
            return $"{article} {arch} macOS program" + (inspection.MinimumMacos is { } m ? $" (macOS {m}+)" : "");
        }
        return $"{article} {arch} {inspection.Os.DisplayName} program";
    }
}
