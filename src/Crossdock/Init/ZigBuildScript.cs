using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Crossdock.Init;

/// <summary>
/// build.zig, read for the executables it adds: <c>b.addExecutable(.{ .name = "tool", ... })</c> (and the
/// <c>addExecutable("tool", ...)</c> of Zig before 0.11); <c>zig build</c> installs each as
/// <c>zig-out/bin/NAME</c> (the <c>--prefix</c>'s bin/). A name build.zig computes cannot be read without Zig.
/// </summary>
public static partial class ZigBuildScript
{
    public const string FileName = "build.zig";

    /// <summary>The executables' names; unreadable when build.zig adds one whose name is not a string literal. Null without build.zig.</summary>
    public static BuildOutputs? Outputs(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        var text = File.ReadAllText(path);
        var names = new List<string>();
        var calls = AddExecutable().Matches(text);
        for (var i = 0; i < calls.Count; i++)
        {
            var end = i + 1 < calls.Count ? calls[i + 1].Index : text.Length;
            var call = text[calls[i].Index..end];
            var name = OldStyleName().Match(call) is { Success: true } old ? old.Groups[1].Value
                : NameField().Match(call) is { Success: true } field && field.Groups[1].Success ? field.Groups[1].Value
                : null;
            if (name is null) return new BuildOutputs(FileName, [], "it names an executable with an expression, not a \"string\"");
            names.Add(name);
        }
        return new BuildOutputs(FileName, [.. names.Distinct(StringComparer.Ordinal)]);
    }

    [GeneratedRegex(@"\baddExecutable\s*\(")]
    private static partial Regex AddExecutable();

    [GeneratedRegex(@"^addExecutable\s*\(\s*""([^""\\]+)""")]
    private static partial Regex OldStyleName();

    /// <summary>The call's first <c>.name = </c>: a string literal (group 1), or anything else (computed).</summary>
    [GeneratedRegex(@"\.name\s*=\s*(?:""([^""\\]+)""|[^,\s}]+)")]
    private static partial Regex NameField();
}
