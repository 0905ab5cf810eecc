using Crossdock.Core.Targets;

namespace Crossdock.Inspection;

/// <summary>Connects what a binary is to the targets of <see cref="TargetTable"/>: detection, and refusing a wrong label.</summary>
public static class TargetResolver
{
    /// <summary>
    /// The target a binary was built for; null for a fat Mach-O (it serves several). A static Linux
    /// binary with no libc evidence maps to the -musl target, the conventional home of static builds.
    /// </summary>
    public static Target? Detect(BinaryInspection inspection)
    {
        if (inspection.IsFat || inspection.Arch is null) return null;
        var libc = inspection.Os == OperatingSystemFamily.Linux ? inspection.Libc ?? Libc.Musl : null;
        return TargetTable.Find(inspection.Os, inspection.Arch, libc);
    }

    /// <summary>
    /// Why <paramref name="target"/> cannot carry this binary, or null when it can. A fully static Linux
    /// binary runs on either libc, so only a dynamically linked one must match the target's libc exactly.
    /// </summary>
    public static string? Contradiction(Target target, BinaryInspection inspection)
    {
        var fits = target.Os == inspection.Os
            && (inspection.IsFat ? inspection.Slices.Any(s => s.Arch == target.Arch) : inspection.Arch == target.Arch)
            && (target.Os != OperatingSystemFamily.Linux || inspection.IsStatic == true || inspection.Libc == target.Libc);
        return fits ? null : $"is {Describe(inspection)}, not {target.Triple}";
    }

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
        return $"{article} {arch} Windows program";
    }
}
