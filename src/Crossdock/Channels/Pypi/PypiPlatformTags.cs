using System.Text.RegularExpressions;
using Crossdock.Core.Targets;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// PyPI's allow-list of wheel platform tags (warehouse's upload checks): Windows and the legacy manylinux aliases by
/// name; manylinux/musllinux with a fixed set of architectures; macOS 10.x, or 11-15 and 26 with minor 0.
/// </summary>
public static partial class PypiPlatformTags
{
    private static readonly HashSet<string> Fixed =
    [
        "win32", "win_amd64", "win_arm64",
        "manylinux1_x86_64", "manylinux1_i686", "manylinux2010_x86_64", "manylinux2010_i686",
        "manylinux2014_x86_64", "manylinux2014_i686", "manylinux2014_aarch64", "manylinux2014_armv7l",
        "manylinux2014_ppc64", "manylinux2014_ppc64le", "manylinux2014_s390x",
        "linux_armv6l", "linux_armv7l",
    ];

    private static readonly HashSet<string> ManylinuxArches = ["x86_64", "i686", "aarch64", "armv7l", "ppc64", "ppc64le", "s390x", "riscv64", "loongarch64"];
    private static readonly HashSet<string> MusllinuxArches = ["x86_64", "i686", "aarch64", "armv7l", "ppc64le", "s390x", "riscv64", "loongarch64"];
    private static readonly HashSet<string> MacosArches = ["x86_64", "arm64", "universal2", "intel", "universal", "i386", "ppc", "ppc64", "fat", "fat32", "fat64"];
    private static readonly HashSet<int> MacosMajorsAfter10 = [11, 12, 13, 14, 15, 26];

    public static bool IsAllowed(string tag)
    {
        if (Fixed.Contains(tag)) return true;
        if (Linux().Match(tag) is { Success: true } linux)
        {
            return linux.Groups["family"].Value == "manylinux"
                ? ManylinuxArches.Contains(linux.Groups["arch"].Value)
                : MusllinuxArches.Contains(linux.Groups["arch"].Value);
        }
        if (Macos().Match(tag) is { Success: true } mac && MacosArches.Contains(mac.Groups["arch"].Value))
        {
            var major = int.Parse(mac.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture);
            return major == 10 || (MacosMajorsAfter10.Contains(major) && mac.Groups["minor"].Value == "0");
        }
        return false;
    }

    /// <summary>
    /// The targets a wheel with these platform tags serves: each tag's, and where the set names both a manylinux and a
    /// musllinux tag of one architecture, that architecture's libc-free target too (such a wheel serves both libcs).
    /// </summary>
    public static IEnumerable<Target> TargetsServedBy(PlatformTagSet tags)
    {
        var targets = tags.Tags.SelectMany(TargetsOf).Distinct().ToList();
        var libcFree = targets
            .Where(t => t.Os == OperatingSystemFamily.Linux && t.Libc == Libc.Gnu)
            .Where(gnu => targets.Any(t => t.Arch == gnu.Arch && t.Libc == Libc.Musl))
            .Select(gnu => TargetTable.Find(OperatingSystemFamily.Linux, gnu.Arch, Libc.None))
            .OfType<Target>();
        return targets.Concat(libcFree).Distinct();
    }

    /// <summary>The targets a platform tag serves; empty when crossdock has no target for it.</summary>
    public static IEnumerable<Target> TargetsOf(string tag)
    {
        if (tag == "win_amd64") return Find(OperatingSystemFamily.Windows, CpuArchitecture.X86_64, null);
        if (tag == "win_arm64") return Find(OperatingSystemFamily.Windows, CpuArchitecture.Aarch64, null);
        if (tag == "win32") return Find(OperatingSystemFamily.Windows, CpuArchitecture.I686, null);
        if (Legacy().Match(tag) is { Success: true } legacy) return LinuxTarget(legacy.Groups["arch"].Value, Libc.Gnu);
        if (Linux().Match(tag) is { Success: true } linux) return LinuxTarget(linux.Groups["arch"].Value, linux.Groups["family"].Value == "manylinux" ? Libc.Gnu : Libc.Musl);
        if (Macos().Match(tag) is { Success: true } mac)
        {
            var arch = mac.Groups["arch"].Value;
            return TargetTable.All.Where(t => t.Os == OperatingSystemFamily.Macos
                && (arch == "universal2" || t.Arch.MacosWheelArch == arch));
        }
        return [];
    }

    /// <summary>The glibc level a manylinux tag names (legacy aliases included); null for other tags.</summary>
    public static Inspection.GlibcVersion? ManylinuxLevel(string tag)
    {
        if (Legacy().Match(tag) is { Success: true } legacy)
        {
            return legacy.Groups["year"].Value switch
            {
                "1" => new(2, 5),
                "2010" => new(2, 12),
                _ => new(2, 17),
            };
        }
        var linux = Linux().Match(tag);
        return linux.Success && linux.Groups["family"].Value == "manylinux"
            ? new(int.Parse(linux.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(linux.Groups["minor"].Value, System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>The macOS version a macosx tag names; null for other tags.</summary>
    public static Inspection.MacosVersion? MacosLevel(string tag)
    {
        var mac = Macos().Match(tag);
        return mac.Success
            ? new(int.Parse(mac.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(mac.Groups["minor"].Value, System.Globalization.CultureInfo.InvariantCulture), 0)
            : null;
    }

    private static IEnumerable<Target> LinuxTarget(string wheelArch, Libc libc) =>
        TargetTable.All.Where(t => t.Os == OperatingSystemFamily.Linux && t.Libc == libc && t.Arch.LinuxWheelArch == wheelArch);

    private static IEnumerable<Target> Find(OperatingSystemFamily os, CpuArchitecture arch, Libc? libc) =>
        TargetTable.Find(os, arch, libc) is { } target ? [target] : [];

    [GeneratedRegex(@"^(?<family>manylinux|musllinux)_(?<major>\d+)_(?<minor>\d+)_(?<arch>[a-z0-9_]+)$")]
    private static partial Regex Linux();

    [GeneratedRegex(@"^manylinux(?<year>1|2010|2014)_(?<arch>[a-z0-9_]+)$")]
    private static partial Regex Legacy();

    [GeneratedRegex(@"^macosx_(?<major>\d+)_(?<minor>\d+)_(?<arch>[a-z0-9_]+)$")]
    private static partial Regex Macos();
}
