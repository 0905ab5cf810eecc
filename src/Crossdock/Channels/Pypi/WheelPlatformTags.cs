using System.Collections.Immutable;
using Crossdock.Core;
using Crossdock.Core.Targets;
using Crossdock.Inspection;

namespace Crossdock.Channels.Pypi;

/// <summary>How to tag the wheel of a fully static Linux binary, which runs on glibc and musl alike.</summary>
public enum StaticLinuxTags
{
    /// <summary>Only the tag family the target names (manylinux for -gnu, musllinux for -musl).</summary>
    Target,

    /// <summary>Both manylinux (2.17 baseline) and musllinux, so one wheel serves every Linux user.</summary>
    Both,
}

/// <summary>The platform tags a wheel must carry, and why, decided from the target and the inspected binary.</summary>
/// <param name="Manylinux">The glibc level of the manylinux tag, when there is one.</param>
/// <param name="Macos">The macOS version of the macosx tag, when there is one.</param>
public sealed record PlatformTagDecision(PlatformTagSet Tags, GlibcVersion? Manylinux, MacosVersion? Macos, ImmutableArray<string> Warnings);

/// <summary>
/// Decides wheel platform tags (PEP 425, 600, 656) from what a binary really needs: the highest GLIBC symbol
/// version (raised when libstdc++ symbol versions need a newer manylinux policy), the binary's minimum macOS.
/// </summary>
public static class WheelPlatformTags
{
    public const string MusllinuxVersion = "1_2";

    /// <summary>The oldest macOS an arm64 wheel can name: Apple silicon shipped with macOS 11.</summary>
    public static readonly MacosVersion FirstArm64Macos = new(11, 0, 0);

    /// <summary>What crossdock assumes for an x86_64 Mach-O without a version load command (Rust's default floor).</summary>
    private static readonly MacosVersion AssumedX64Macos = new(10, 12, 0);

    public static PlatformTagDecision ForTarget(Target target, BinaryInspection inspection, StaticLinuxTags staticTags = StaticLinuxTags.Target)
    {
        switch (target.WheelTagFamily)
        {
            case WheelTagFamily.None:
                throw new ArgumentException($"{target.Triple} has no wheel: {NoWheelReason(target)}", nameof(target));
            case WheelTagFamily.Manylinux or WheelTagFamily.Musllinux or WheelTagFamily.ManylinuxAndMusllinux:
                return ForLinux(target, inspection, staticTags);
            case WheelTagFamily.Macosx:
                var slice = inspection.Slices.FirstOrDefault(s => s.Arch == target.Arch)
                    ?? throw CrossdockException.ForFile(inspection.Path, $"has no {target.Arch} slice for {target.Triple}");
                var (tag, version, warning) = Macosx(slice);
                return new PlatformTagDecision(new PlatformTagSet([tag]), null, version, warning is null ? [] : [warning]);
            default:
                return new PlatformTagDecision(new PlatformTagSet([WindowsTag(target.Arch)]), null, null, []);
        }
    }

    /// <summary>Why a target gets no wheel ("PyPI accepts no FreeBSD platform tag"); null when it gets one.</summary>
    public static string? NoWheelReason(Target target) => target.HasWheel ? null : $"PyPI accepts no {target.Os.DisplayName} platform tag";

    /// <summary>
    /// One sentence for every target of a release that gets no wheel ("no wheel for TRIPLE, TRIPLE: PyPI
    /// accepts no FreeBSD platform tag; npm ships it"); null when every target gets one.
    /// </summary>
    public static string? NoWheelNote(IEnumerable<Target> targets)
    {
        var without = targets.Where(t => !t.HasWheel).Distinct().ToList();
        if (without.Count == 0) return null;
        var reasons = string.Join("; ", without.Select(t => NoWheelReason(t)!).Distinct());
        return $"no wheel for {string.Join(", ", without.Select(t => t.Triple))}: {reasons}; npm ships {(without.Count == 1 ? "it" : "them")}";
    }

    /// <summary>
    /// The tags of one wheel holding several binaries (one per command): only tags every binary honours, so the
    /// highest glibc level and macOS minimum among them, and musllinux only when each binary may carry it.
    /// </summary>
    public static PlatformTagDecision ForBinaries(Target target, IReadOnlyList<BinaryInspection> inspections, StaticLinuxTags staticTags = StaticLinuxTags.Target)
    {
        var decisions = inspections.Select(i => ForTarget(target, i, staticTags)).ToList();
        if (decisions.Count == 1) return decisions[0];
        var warnings = decisions.SelectMany(d => d.Warnings).Distinct().ToImmutableArray();
        if (decisions.All(d => d.Macos is not null))
        {
            var macos = decisions.Max(d => d.Macos!.Value);
            return new PlatformTagDecision(new PlatformTagSet([$"macosx_{MacosTagVersion(macos)}_{target.Arch.MacosWheelArch}"]), null, macos, warnings);
        }
        var tags = new List<string>();
        GlibcVersion? level = null;
        if (decisions.All(d => d.Manylinux is not null))
        {
            level = decisions.Max(d => d.Manylinux!.Value);
            tags.AddRange(Manylinux(level.Value, target.Arch));
        }
        var musllinux = $"musllinux_{MusllinuxVersion}_{target.Arch.LinuxWheelArch}";
        if (decisions.All(d => d.Tags.Tags.Contains(musllinux))) tags.Add(musllinux);
        if (tags.Count == 0) tags.AddRange(decisions.Select(d => d.Tags.Tags).Aggregate((a, b) => [.. a.Intersect(b, StringComparer.Ordinal)]));
        return new PlatformTagDecision(new PlatformTagSet(tags), level, null, warnings);
    }

    /// <summary>Tags for a fat Mach-O: each slice's tag, plus universal2 when it holds exactly x86_64 and arm64.</summary>
    public static PlatformTagDecision ForFatMachO(BinaryInspection inspection)
    {
        var decisions = inspection.Slices.Select(Macosx).ToList();
        var tags = decisions.Select(d => d.Tag).ToList();
        if (inspection.IsUniversal2)
        {
            // Apple silicon Macs start at macOS 11, so a universal2 tag may name the x86_64 slice's (older) minimum,
            // unless the arm64 slice needs more than 11.0: then the tag must name that, or arm64 users get a binary
            // that will not start.
            var x64Version = Macosx(inspection.Slices.First(s => s.Arch == CpuArchitecture.X86_64)).Version;
            var arm64Version = Macosx(inspection.Slices.First(s => s.Arch == CpuArchitecture.Aarch64)).Version;
            var universal = arm64Version > FirstArm64Macos && arm64Version > x64Version ? arm64Version : x64Version;
            tags.Add($"macosx_{MacosTagVersion(universal)}_universal2");
        }
        return new PlatformTagDecision(new PlatformTagSet(tags), null, inspection.MinimumMacos,
            [.. decisions.Select(d => d.Warning).OfType<string>()]);
    }

    /// <summary>The glibc level a manylinux tag must name for this binary: its GLIBC need, raised by libstdc++ needs, floored at the arch's baseline.</summary>
    public static (GlibcVersion Level, string? Warning) ManylinuxLevel(CpuArchitecture arch, BinaryInspection inspection)
    {
        var baseline = new GlibcVersion(2, arch.ManylinuxBaseline);
        var level = inspection.GlibcRequirement is { } need && need > baseline ? need : baseline;
        string? warning = null;
        if (ManylinuxPolicy.GlibcMinorForCxxNeeds(inspection.SymbolVersionNeeds) is { } cxxMinor && cxxMinor > level.Minor)
        {
            warning = $"needs libstdc++/libgcc symbol versions first shipped with glibc 2.{cxxMinor}-era systems; tagged manylinux_2_{cxxMinor} (link libstdc++ statically to lower it)";
            level = new GlibcVersion(2, cxxMinor);
        }
        return (level, warning);
    }

    private static PlatformTagDecision ForLinux(Target target, BinaryInspection inspection, StaticLinuxTags staticTags)
    {
        var arch = target.Arch;
        // A libc-free program gets both families: it needs nothing from libc, so the manylinux floor (2.17) is enough.
        var both = target.WheelTagFamily == WheelTagFamily.ManylinuxAndMusllinux
            || (staticTags == StaticLinuxTags.Both && inspection.IsStatic == true);
        var manylinux = both || target.WheelTagFamily == WheelTagFamily.Manylinux;
        var musllinux = both || target.WheelTagFamily == WheelTagFamily.Musllinux;

        var tags = new List<string>();
        var warnings = new List<string>();
        GlibcVersion? level = null;
        if (manylinux)
        {
            var (glibc, warning) = ManylinuxLevel(arch, inspection);
            level = glibc;
            if (warning is not null) warnings.Add(warning);
            tags.AddRange(Manylinux(glibc, arch));
        }
        if (musllinux) tags.Add($"musllinux_{MusllinuxVersion}_{arch.LinuxWheelArch}");
        return new PlatformTagDecision(new PlatformTagSet(tags), level, null, [.. warnings]);
    }

    /// <summary>
    /// <c>manylinux_2_X_arch</c>, plus the PEP 513/571/599 legacy alias when 2.X is exactly 2.5/2.12/2.17 and the
    /// arch had that legacy tag, because older pip (before 20.3) only understands the alias.
    /// </summary>
    public static IEnumerable<string> Manylinux(GlibcVersion glibc, CpuArchitecture arch)
    {
        yield return $"manylinux_{glibc.Major}_{glibc.Minor}_{arch.LinuxWheelArch}";
        var legacy = (glibc.Major, glibc.Minor) switch
        {
            (2, 17) when arch != CpuArchitecture.Riscv64 => "manylinux2014",
            (2, 12) when arch == CpuArchitecture.X86_64 || arch == CpuArchitecture.I686 => "manylinux2010",
            (2, 5) when arch == CpuArchitecture.X86_64 || arch == CpuArchitecture.I686 => "manylinux1",
            _ => null,
        };
        if (legacy is not null) yield return $"{legacy}_{arch.LinuxWheelArch}";
    }

    private static (string Tag, MacosVersion Version, string? Warning) Macosx(MachOSlice slice)
    {
        string? warning = null;
        MacosVersion version;
        if (slice.MinimumMacos is { } declared)
        {
            version = declared;
        }
        else
        {
            version = slice.Arch == CpuArchitecture.Aarch64 ? FirstArm64Macos : AssumedX64Macos;
            warning = $"{slice.Arch} slice declares no minimum macOS (no LC_BUILD_VERSION or LC_VERSION_MIN_MACOSX); assumed {version}";
        }
        if (slice.Arch == CpuArchitecture.Aarch64 && version < FirstArm64Macos) version = FirstArm64Macos;
        if (version.Major >= 11 && (version.Minor, version.Patch) != (0, 0))
        {
            warning = $"{slice.Arch} slice needs macOS {version}, but PyPI accepts only {version.Major}_0 tags: users on {version.Major}.0 up to {version} get a program that will not start";
        }
        return ($"macosx_{MacosTagVersion(version)}_{slice.Arch.MacosWheelArch}", version, warning);
    }

    /// <summary>
    /// PyPI accepts macOS 10.x tags with their minor, and 11+ only with minor 0 (pip treats 11.x as one
    /// ABI family), so minos 13.4 becomes 13_0.
    /// </summary>
    public static string MacosTagVersion(MacosVersion version) =>
        version.Major >= 11 ? $"{version.Major}_0" : $"{version.Major}_{version.Minor}";

    /// <summary>The one tag a Windows wheel of this architecture carries (PEP 425: the interpreter's platform name).</summary>
    public static string WindowsTag(CpuArchitecture arch) =>
        arch == CpuArchitecture.X86_64 ? "win_amd64"
        : arch == CpuArchitecture.Aarch64 ? "win_arm64"
        : arch == CpuArchitecture.I686 ? "win32"
        : throw new ArgumentOutOfRangeException(nameof(arch), arch, "no Windows wheel tag");
}
