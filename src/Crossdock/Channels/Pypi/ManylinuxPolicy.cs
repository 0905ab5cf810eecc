using System.Collections.Frozen;
using Crossdock.Inspection;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// The parts of auditwheel's manylinux policy (<c>manylinux-policy.json</c>) crossdock checks:
/// which shared libraries a manylinux wheel may assume, and which glibc era brought each libstdc++/libgcc
/// symbol version. Values copied from that file (x86_64 rows; see docs/research-manylinux-policy.md).
/// </summary>
public static class ManylinuxPolicy
{
    /// <summary>Libraries every manylinux_2_17+ system has (auditwheel's <c>lib_whitelist</c>).</summary>
    public static FrozenSet<string> AllowedLibraries { get; } = FrozenSet.Create(StringComparer.Ordinal,
        "libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libmvec.so.1", "libanl.so.1",
        "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0",
        "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1",
        "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2",
        "libexpat.so.1", "libz.so.1");

    /// <summary>Libraries a musllinux wheel may assume (auditwheel's musllinux policy).</summary>
    public static FrozenSet<string> AllowedMuslLibraries { get; } = FrozenSet.Create(StringComparer.Ordinal, "libc.so", "libz.so.1");

    /// <summary>
    /// Per manylinux glibc level, the newest GLIBCXX_, CXXABI_ and GCC_ versions its policy allows.
    /// A program needing a newer one needs a newer manylinux tag than its GLIBC_ needs alone say.
    /// </summary>
    private static readonly (int GlibcMinor, string Glibcxx, string Cxxabi, string Gcc)[] CxxEras =
    [
        (17, "3.4.19", "1.3.7", "4.8.0"),
        (24, "3.4.22", "1.3.10", "4.8.0"),
        (27, "3.4.24", "1.3.11", "7.0.0"),
        (31, "3.4.28", "1.3.12", "7.0.0"),
        (34, "3.4.29", "1.3.13", "7.0.0"),
        (35, "3.4.30", "1.3.13", "12.0.0"),
        (39, "3.4.33", "1.3.15", "14.0.0"),
        (42, "3.4.34", "1.3.15", "14.0.0"),
    ];

    public static bool IsAllowed(string library, bool musl) =>
        musl
            ? AllowedMuslLibraries.Contains(library) || library.StartsWith("ld-musl-", StringComparison.Ordinal)
            : AllowedLibraries.Contains(library) || library.StartsWith("ld-linux", StringComparison.Ordinal) || library.StartsWith("ld64.so", StringComparison.Ordinal);

    /// <summary>
    /// The lowest glibc minor whose policy allows every GLIBCXX_/CXXABI_/GCC_ version in <paramref name="needs"/>;
    /// null when the program needs none, or one newer than any policy knows (then the GLIBC_ need decides).
    /// </summary>
    public static int? GlibcMinorForCxxNeeds(IEnumerable<string> needs)
    {
        string? glibcxx = null, cxxabi = null, gcc = null;
        foreach (var need in needs)
        {
            Keep(ref glibcxx, need, "GLIBCXX_");
            Keep(ref cxxabi, need, "CXXABI_");
            Keep(ref gcc, need, "GCC_");
        }
        if (glibcxx is null && cxxabi is null && gcc is null) return null;
        foreach (var era in CxxEras)
        {
            if (AtMost(glibcxx, era.Glibcxx) && AtMost(cxxabi, era.Cxxabi) && AtMost(gcc, era.Gcc)) return era.GlibcMinor;
        }
        return null;
    }

    private static void Keep(ref string? highest, string need, string prefix)
    {
        if (!need.StartsWith(prefix, StringComparison.Ordinal)) return;
        var version = need[prefix.Length..];
        if (!IsNumericVersion(version)) return; // e.g. CXXABI_TM_1, CXXABI_FLOAT128: not era markers
        if (highest is null || CompareDotted(version, highest) > 0) highest = version;
    }

    private static bool AtMost(string? needed, string allowed) => needed is null || CompareDotted(needed, allowed) <= 0;

    private static bool IsNumericVersion(string v) => v.Length > 0 && v.Split('.').All(p => p.Length > 0 && p.All(char.IsAsciiDigit));

    /// <summary>Compares dotted numeric versions component by component (3.4.9 &lt; 3.4.19).</summary>
    public static int CompareDotted(string a, string b)
    {
        var x = a.Split('.');
        var y = b.Split('.');
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var xi = i < x.Length ? long.Parse(x[i], System.Globalization.CultureInfo.InvariantCulture) : 0;
            var yi = i < y.Length ? long.Parse(y[i], System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (xi != yi) return xi.CompareTo(yi);
        }
        return 0;
    }

    /// <summary>Warnings for libraries users' systems will not have.</summary>
    public static IEnumerable<string> LibraryWarnings(BinaryInspection inspection)
    {
        var musl = inspection.Libc == Core.Targets.Libc.Musl;
        foreach (var library in inspection.NeededLibraries.Where(l => !IsAllowed(l, musl)))
        {
            yield return $"links {library}, which is outside the {(musl ? "musllinux" : "manylinux")} policy: "
                + "users whose system lacks it get a load error; link it statically or bundle it";
        }
    }
}
