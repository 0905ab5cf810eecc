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
public static class ManifestToml
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
            throw CrossdockException.ForFile(path, $"is not valid TOML: {e.Message}", e);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw TomlEscapes.Explain(path, text, e);
        }
    }

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

    public static string? String(TomlTable? table, string key) =>
        table is not null && table.TryGetValue(key, out var value) && value is string s && s.Trim().Length > 0 ? s : null;
}

[TomlSerializable(typeof(TomlTable))]
internal sealed partial class ManifestTomlContext : TomlSerializerContext;
