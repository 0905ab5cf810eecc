using System.Collections.Immutable;
using Crossdock.Core;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Crossdock.Config;

/// <summary>A TOML value with the 1-based line it was written on, so every config error can name the line.</summary>
public sealed record TomlEntry(string Key, object Value, int Line);

/// <summary>An inline table value, <c>{ name = "x", file = "y" }</c>: its keys in file order.</summary>
public sealed record TomlInlineTable(ImmutableArray<TomlEntry> Entries)
{
    public object? this[string key] => Entries.FirstOrDefault(e => e.Key == key)?.Value;
}

/// <summary>A <c>[section]</c> and its keys, in file order.</summary>
public sealed record TomlSection(string Name, int Line, ImmutableArray<TomlEntry> Entries);

/// <summary>
/// Reads a TOML file through Tomlyn's syntax tree (not its object model) because the tree keeps line numbers:
/// "crossdock.toml:7: [package] versoin: unknown key" is the error users need. Values come out as
/// string, bool, long, <see cref="TomlInlineTable"/>, or <see cref="ImmutableArray{T}"/> of those.
/// </summary>
public static class TomlDocument
{
    public static ImmutableArray<TomlSection> Parse(string path, string text)
    {
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text, path, false);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw TomlEscapes.Explain(path, text, e);
        }
        foreach (var diagnostic in document.Diagnostics)
        {
            if (diagnostic.Kind == DiagnosticMessageKind.Error)
            {
                throw CrossdockException.AtLine(path, diagnostic.Span.Start.Line + 1, diagnostic.Message);
            }
        }
        foreach (var stray in document.KeyValues)
        {
            throw CrossdockException.AtLine(path, LineOf(stray), $"key '{KeyText(stray.Key!)}' must be inside a [section]");
        }

        var sections = new List<TomlSection>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in document.Tables)
        {
            var name = KeyText(table.Name!);
            if (table is TableArraySyntax) throw CrossdockException.AtLine(path, LineOf(table), $"[[{name}]] arrays of tables are not used in crossdock.toml");
            if (seen.TryGetValue(name, out var first)) throw CrossdockException.AtLine(path, LineOf(table), $"[{name}] is defined twice (first on line {first})");
            seen[name] = LineOf(table);
            sections.Add(new TomlSection(name, LineOf(table), ReadEntries(path, name, table.Items)));
        }
        return [.. sections];
    }

    private static ImmutableArray<TomlEntry> ReadEntries(string path, string section, IEnumerable<KeyValueSyntax> items)
    {
        var entries = new List<TomlEntry>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = KeyText(item.Key!);
            var line = LineOf(item);
            if (lines.TryGetValue(key, out var first)) throw CrossdockException.AtLine(path, line, $"[{section}] {key}: set twice (first on line {first})");
            lines[key] = line;
            entries.Add(new TomlEntry(key, ReadValue(path, section, key, line, item.Value!), line));
        }
        return [.. entries];
    }

    private static object ReadValue(string path, string section, string key, int line, ValueSyntax value) => value switch
    {
        StringValueSyntax s => s.Value!,
        BooleanValueSyntax b => b.Value,
        IntegerValueSyntax i => i.Value,
        ArraySyntax a => a.Items.Select(item => ReadValue(path, section, key, line, item.Value!)).ToImmutableArray(),
        InlineTableSyntax table => new TomlInlineTable(ReadEntries(path, $"{section}] {key} {{", table.Items.Select(i => i.KeyValue!))),
        _ => throw CrossdockException.AtLine(path, line, $"[{section}] {key}: this kind of value ({value.GetType().Name.Replace("ValueSyntax", "", StringComparison.Ordinal)}) is not used here"),
    };

    private static string KeyText(KeySyntax key)
    {
        var parts = new List<string> { PartText(key.Key!) };
        parts.AddRange(key.DotKeys.Select(d => PartText(d.Key!)));
        return string.Join('.', parts);
    }

    private static string PartText(BareKeyOrStringValueSyntax part) => part switch
    {
        BareKeySyntax bare => bare.Key!.Text!,
        StringValueSyntax quoted => quoted.Value!,
        _ => part.ToString()!.Trim(),
    };

    private static int LineOf(SyntaxNode node) => node.Span.Start.Line + 1;
}
