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
        return new ProjectFacts(Language: "zig", Name: name, Version: version, Bin: name, Sources: [FileName]);
    }

    /// <summary><c>.name = .demo</c>, <c>.name = .@"my-tool"</c> or <c>.name = "demo"</c>.</summary>
    [GeneratedRegex(@"\.name\s*=\s*(?:\.@?""([^""]+)""|\.([A-Za-z_][A-Za-z0-9_]*)|""([^""]+)"")")]
    private static partial Regex NameField();

    [GeneratedRegex(@"\.version\s*=\s*""([^""]+)""")]
    private static partial Regex VersionField();
}
