using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Crossdock.Core;

namespace Crossdock.Config;

/// <summary>Typed access to one section's keys of a TOML file, failing with the file, the line and the key.</summary>
internal sealed class SectionReader(string path, TomlSection section)
{
    public TomlSection Section => section;

    public string RequiredString(string key) =>
        OptionalString(key) ?? throw CrossdockException.AtLine(path, section.Line, $"[{section.Name}] {key}: required key is missing");

    public string? OptionalString(string key)
    {
        var entry = Find(key);
        return entry is null ? null : String(entry, entry.Value);
    }

    public ImmutableArray<string>? OptionalStringArray(string key)
    {
        var entry = Find(key);
        if (entry is null) return null;
        if (entry.Value is not ImmutableArray<object> items || items.Any(i => i is not string)) throw Error(entry, "must be an array of strings");
        return [.. items.Cast<string>()];
    }

    /// <summary>A string, or an array whose items are strings or inline tables: <c>bin = ["a", { name = "b", file = "c" }]</c>.</summary>
    public ImmutableArray<object>? OptionalItems(string key)
    {
        var entry = Find(key);
        if (entry is null) return null;
        return entry.Value switch
        {
            string s => [String(entry, s)],
            ImmutableArray<object> items when items.All(i => i is string or TomlInlineTable) => items,
            _ => throw Error(entry, "must be a string or an array of strings and { ... } tables"),
        };
    }

    /// <summary>An array of inline tables with only <paramref name="allowed"/> keys, all string-valued: <c>[{ name = "..", email = ".." }]</c>.</summary>
    public ImmutableArray<TomlInlineTable>? OptionalTables(string key, params string[] allowed)
    {
        var entry = Find(key);
        if (entry is null) return null;
        if (entry.Value is not ImmutableArray<object> items || items.Any(i => i is not TomlInlineTable))
        {
            throw Error(entry, $"must be an array of {{ {string.Join(", ", allowed.Select(a => a + " = \"...\""))} }} tables");
        }
        var tables = items.Cast<TomlInlineTable>().ToImmutableArray();
        foreach (var table in tables) CheckTable(entry, table, allowed);
        return tables;
    }

    /// <summary>The keys of an inline table given as one item of <paramref name="key"/>: only <paramref name="allowed"/>, string values.</summary>
    public void CheckTable(string key, TomlInlineTable table, params string[] allowed) => CheckTable(Find(key)!, table, allowed);

    /// <summary>Every key of the section as a string value, in file order (for free-form tables such as <c>[package.urls]</c>).</summary>
    public IEnumerable<(string Key, string Value)> StringEntries() => section.Entries.Select(e => (e.Key, String(e, e.Value)));

    [DoesNotReturn]
    public void Fail(string key, string reason) => throw Failure(key, reason);

    /// <summary>The error for <paramref name="key"/>, at its line when it is set: for <c>?? throw</c>.</summary>
    public CrossdockException Failure(string key, string reason)
    {
        var entry = Find(key);
        return entry is not null ? Error(entry, reason) : CrossdockException.ForFile(path, $"[{section.Name}] {key}: {reason}");
    }

    private void CheckTable(TomlEntry entry, TomlInlineTable table, string[] allowed)
    {
        foreach (var item in table.Entries)
        {
            if (!allowed.Contains(item.Key, StringComparer.Ordinal)) throw Error(entry, $"unknown key '{item.Key}' in {{ ... }} (allowed: {string.Join(", ", allowed)})");
            if (item.Value is not string s || s.Trim().Length == 0) throw Error(entry, $"'{item.Key}' in {{ ... }} must be a non-empty string");
        }
    }

    private string String(TomlEntry entry, object value)
    {
        if (value is not string s) throw Error(entry, "must be a string");
        if (s.Trim().Length == 0) throw Error(entry, "must not be empty");
        return s;
    }

    private TomlEntry? Find(string key) => section.Entries.FirstOrDefault(e => e.Key == key);

    private CrossdockException Error(TomlEntry entry, string reason) =>
        CrossdockException.AtLine(path, entry.Line, $"[{section.Name}] {entry.Key}: {reason}");
}
