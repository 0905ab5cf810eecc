using System.Text.RegularExpressions;
using Crossdock.Core;

namespace Crossdock.Config;

/// <summary>
/// Tomlyn's lexer throws ArgumentOutOfRangeException (from char.ConvertFromUtf32, formatting the end of input as a
/// character) instead of reporting a diagnostic when a file ends inside a string's escape: "\" or "\u12" as its
/// last characters (found by fuzzing: scripts/fuzz.sh config). The TOML readers catch that and say so.
/// </summary>
public static partial class TomlEscapes
{
    public static CrossdockException Explain(string path, string text, Exception cause)
    {
        var line = 1 + text.AsSpan().Count('\n');
        return UnfinishedEscape().Match(text) is { Success: true } end
            ? CrossdockException.AtLine(path, line, $"the file ends inside a string, in the unfinished escape {end.Value}")
            : CrossdockException.ForFile(path, "is not valid TOML: an escape sequence in a string cannot be read", cause);
    }

    [GeneratedRegex(@"\\([uU][0-9A-Fa-f]{0,7})?$")]
    private static partial Regex UnfinishedEscape();
}
