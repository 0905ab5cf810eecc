using System.Text.RegularExpressions;

namespace Crossdock.Workflow;

/// <summary>
/// Writes a string as a YAML block-context scalar: plain when YAML would read it back unchanged as a string
/// (readable, like a hand-written workflow), single-quoted otherwise.
/// </summary>
public static partial class YamlScalar
{
    public static string Format(string value) =>
        IsSafePlain(value) ? value : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static bool IsSafePlain(string value) =>
        PlainStart().IsMatch(value)
        && !value.Contains(": ", StringComparison.Ordinal)
        && !value.Contains(" #", StringComparison.Ordinal)
        && !value.Contains('\n')
        && !value.EndsWith(':')
        && value == value.Trim()
        && !Ambiguous().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9_./]")]
    private static partial Regex PlainStart();

    /// <summary>Words and numbers YAML 1.1 or 1.2 would read as something other than a string.</summary>
    [GeneratedRegex(@"^(true|false|yes|no|y|n|on|off|null|~|[-+]?[0-9][0-9._:eE+-]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Ambiguous();
}
