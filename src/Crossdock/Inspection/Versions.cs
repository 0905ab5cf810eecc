using System.Globalization;

namespace Crossdock.Inspection;

/// <summary>A glibc version such as 2.17, as named by a <c>GLIBC_2.17</c> symbol version.</summary>
public readonly record struct GlibcVersion(int Major, int Minor) : IComparable<GlibcVersion>
{
    public int CompareTo(GlibcVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(GlibcVersion a, GlibcVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(GlibcVersion a, GlibcVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(GlibcVersion a, GlibcVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(GlibcVersion a, GlibcVersion b) => a.CompareTo(b) >= 0;

    /// <summary>Parses "2.17" or "2.2.5"; a third component (only used by GLIBC_2.2.5) does not raise the requirement above 2.2.</summary>
    public static bool TryParse(string text, out GlibcVersion version)
    {
        version = default;
        var parts = text.Split('.');
        if (parts.Length is < 2 or > 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || (parts.Length == 3 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return false;
        }
        version = new GlibcVersion(major, minor);
        return true;
    }

    public override string ToString() => $"{Major}.{Minor}";
}

/// <summary>A macOS version as Mach-O encodes it (<c>xxxx.yy.zz</c> nibbles in a uint32).</summary>
public readonly record struct MacosVersion(int Major, int Minor, int Patch) : IComparable<MacosVersion>
{
    public static MacosVersion FromPacked(uint packed) =>
        new((int)(packed >> 16), (int)((packed >> 8) & 0xff), (int)(packed & 0xff));

    public int CompareTo(MacosVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    public static bool operator <(MacosVersion a, MacosVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(MacosVersion a, MacosVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(MacosVersion a, MacosVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(MacosVersion a, MacosVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => Patch == 0 ? $"{Major}.{Minor}" : $"{Major}.{Minor}.{Patch}";
}
