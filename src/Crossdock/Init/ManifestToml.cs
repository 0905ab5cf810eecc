using Crossdock.Config;
using Crossdock.Core;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Crossdock.Init;

/// <summary>
/// Cargo.toml and pyproject.toml as Tomlyn's untyped tables (trim-safe through the source-generated context),
/// with the few lookups project detection needs.
/// </summary>
public static partial class ManifestToml
{
    public static TomlTable Read(string path)
    {
        var text = File.ReadAllText(path);
        try
        {
            return TomlSerializer.Deserialize(text, ManifestTomlContext.Default.TomlTable)
                ?? throw CrossdockException.ForFile(path, "is empty");
        }
        catch (TomlException e)
        {
            throw Explain(path, text, e);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw TomlEscapes.Explain(path, text, e);
        }
    }

    /// <summary>
    /// Tomlyn wraps a syntax error as "Exception while trying to convert TOML value to type '...' using converter
    /// '...'. Reason: (2,8) : error : Unexpected token" (found by fuzzing: scripts/fuzz.sh init); users get the
    /// line and the reason.
    /// </summary>
    private static CrossdockException Explain(string path, string text, TomlException e)
    {
        // Tomlyn's own failure on a file ending inside an escape (see TomlEscapes), wrapped the same way.
        if (e.Message.Contains("(Parameter 'utf32')", StringComparison.Ordinal)) return TomlEscapes.Explain(path, text, e);
        var located = Diagnostic().Matches(e.Message).LastOrDefault();
        if (located is not null && int.TryParse(located.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var line))
        {
            return CrossdockException.AtLine(path, line, $"not valid TOML: {located.Groups[2].Value.Trim()}");
        }
        var reason = e.Message.Contains("Reason: ", StringComparison.Ordinal) ? e.Message[(e.Message.LastIndexOf("Reason: ", StringComparison.Ordinal) + 8)..] : e.Message;
        return CrossdockException.ForFile(path, $"is not valid TOML: {reason.Split('\n')[0].Trim()}", e);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\((\d+),\d+\) : error : ((?:(?!\(\d+,\d+\) : error : )[^\n])*)")]
    private static partial System.Text.RegularExpressions.Regex Diagnostic();

    /// <summary>The table at a dotted path ("workspace.package"), or null.</summary>
    public static TomlTable? Table(TomlTable root, string path)
    {
        var table = root;
        foreach (var key in path.Split('.'))
        {
            if (!table.TryGetValue(key, out var value) || value is not TomlTable next) return null;
            table = next;
        }
        return table;
    }

    public static object? Value(TomlTable? table, string key) =>
        table is not null && table.TryGetValue(key, out var value) ? value : null;

    /// <summary>The strings of an array (other items skipped); empty when the key is missing or not an array.</summary>
    public static IEnumerable<string> Strings(TomlTable? table, string key) =>
        Value(table, key) is TomlArray array ? array.OfType<string>().Where(s => s.Trim().Length > 0) : [];

    public static string? String(TomlTable? table, string key) =>
        table is not null && table.TryGetValue(key, out var value) && value is string s && s.Trim().Length > 0 ? s : null;
}

[TomlSerializable(typeof(TomlTable))]
internal sealed partial class ManifestTomlContext : TomlSerializerContext;
