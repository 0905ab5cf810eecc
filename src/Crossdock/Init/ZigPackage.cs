using System.Text.RegularExpressions;

namespace Crossdock.Init;

/// <summary>
/// build.zig.zon, read for its <c>.name</c> (an enum literal since Zig 0.14, a string before) and
/// <c>.version</c>; a ZON parser would be overkill for two fields.
/// </summary>
public static partial class ZigPackage
{
    public const string FileName = "build.zig.zon";

    public static ProjectFacts? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        var text = File.ReadAllText(path);
        var name = NameField().Match(text) is { Success: true } n ? n.Groups.Values.Skip(1).First(g => g.Success).Value : null;
        var version = VersionField().Match(text) is { Success: true } v ? v.Groups[1].Value : null;
        return new ProjectFacts(Language: "zig", Name: name, Version: version, Commands: ProjectFacts.Named(ExecutableNames(folder, name)), Sources: [FileName],
            NeedsLibc: LinksLibc(folder) ? "build.zig links libc" : null);
    }

    /// <summary>The executables build.zig adds, when it names them plainly; else the package's name.</summary>
    private static IEnumerable<string?> ExecutableNames(string folder, string? packageName) =>
        ZigBuildScript.Outputs(folder) is { Files.IsEmpty: false } outputs ? outputs.Files.Cast<string?>() : [packageName];

    /// <summary>Whether build.zig links the C library (<c>linkLibC()</c>, or <c>.link_libc = true</c> since Zig 0.14).</summary>
    public static bool LinksLibc(string folder)
    {
        var build = Path.Combine(folder, "build.zig");
        return File.Exists(build) && LinkLibc().IsMatch(File.ReadAllText(build));
    }

    [GeneratedRegex(@"linkLibC\s*\(|\.link_libc\s*=\s*true|linkSystemLibrary\s*\(\s*""c""")]
    private static partial Regex LinkLibc();

    /// <summary><c>.name = .demo</c>, <c>.name = .@"my-tool"</c> or <c>.name = "demo"</c>.</summary>
    [GeneratedRegex(@"\.name\s*=\s*(?:\.@?""([^""]+)""|\.([A-Za-z_][A-Za-z0-9_]*)|""([^""]+)"")")]
    private static partial Regex NameField();

    [GeneratedRegex(@"\.version\s*=\s*""([^""]+)""")]
    private static partial Regex VersionField();
}
