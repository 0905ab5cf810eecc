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
        foreach (Match call in AddExecutable().Matches(text))
        {
            var arguments = Arguments(text, call.Index + call.Length);
            var name = OldStyleName().Match(arguments) is { Success: true } old ? old.Groups[1].Value
                : NameField().Match(arguments) is { Success: true } field && field.Groups[1].Success ? field.Groups[1].Value
                : null;
            if (name is null) return new BuildOutputs(FileName, [], "it names an executable with an expression, not a \"string\"");
            names.Add(name);
        }
        // Executables added through a helper of build.zig's own (or a dependency) are there all the same: unknown, not none.
        return names.Count == 0
            ? new BuildOutputs(FileName, [], "it has no b.addExecutable(.{ .name = \"...\" }) crossdock can read")
            : new BuildOutputs(FileName, [.. names.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The text of a call's arguments, from just after its '(' to the matching ')' (strings skipped), so a later call's .name is never taken.</summary>
    private static string Arguments(string text, int start)
    {
        var depth = 1;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    for (i++; i < text.Length && text[i] != '"' && text[i] != '\n'; i++)
                    {
                        if (text[i] == '\\') i++;
                    }
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when --depth == 0:
                    return text[start..i];
            }
        }
        return text[start..];
    }

    [GeneratedRegex(@"\baddExecutable\s*\(")]
    private static partial Regex AddExecutable();

    [GeneratedRegex(@"^\s*""([^""\\]+)""")]
    private static partial Regex OldStyleName();

    /// <summary>The call's first <c>.name = </c>: a string literal (group 1), or anything else (computed).</summary>
    [GeneratedRegex(@"\.name\s*=\s*(?:""([^""\\]+)""|[^,\s}]+)")]
    private static partial Regex NameField();
}
