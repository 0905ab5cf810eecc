using System.Globalization;
using System.Text;
using Crossdock.Config;
using Crossdock.Core.Targets;
using Crossdock.Core.Text;

namespace Crossdock.Init;

/// <summary>
/// The commented crossdock.toml <c>crossdock init</c> writes, from the embedded template crossdock-init.toml.
/// A detected value becomes a key; an unknown optional one stays as a commented example, so every
/// setting is documented in the file either way.
/// </summary>
public static class InitConfigWriter
{
    public static string Render(ProjectFacts facts)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sources"] = facts.Sources.IsDefaultOrEmpty ? "the folder's name (no project manifest found)" : string.Join(", ", facts.Sources),
            ["name"] = Quote(facts.Name!),
            ["bin"] = Quote(facts.Bin!),
            ["version"] = Key("version", facts.Version, "0.1.0"),
            ["description"] = Key("description", facts.Description, "What the tool does, in one line"),
            ["license"] = Key("license", facts.License, "MIT"),
            ["readme"] = Key("readme", facts.Readme, "README.md"),
            ["repository"] = Key("repository", facts.Repository, "https://github.com/OWNER/REPO"),
            ["homepage"] = Key("homepage", facts.Homepage, "https://example.org"),
            ["npm-name"] = Key("name", facts.NpmName, "@scope/" + facts.Name!.ToLowerInvariant()),
            ["language"] = Key("language", facts.Language, "custom"),
            ["project"] = Key("project", facts.BuildProject, "..."),
            ["targets"] = TargetsExample(),
            ["placeholders"] = string.Join(", ", TargetPlaceholders.Names.Select(n => "{" + n + "}")),
        };
        return TemplateText.Fill(EmbeddedText.Read("crossdock-init.toml"), values);
    }

    /// <summary>The default targets as a commented array, then the opt-in ones, all from <see cref="TargetTable"/>.</summary>
    private static string TargetsExample()
    {
        var lines = new List<string> { "# targets = [" };
        lines.AddRange(TargetTable.Defaults.Select(t => $"#     {Quote(t.Triple)},"));
        lines.Add("# ]");
        var line = "# Also supported:";
        foreach (var triple in TargetTable.All.Where(t => !t.IsDefault).Select(t => t.Triple))
        {
            if (line.Length + triple.Length + 2 > 100)
            {
                lines.Add(line);
                line = "#  ";
            }
            line += $" {triple},";
        }
        lines.Add(line.TrimEnd(',') + ".");
        return string.Join('\n', lines);
    }

    /// <summary><c>key = "value"</c>, or <c># key = "example"</c> when the value is unknown.</summary>
    private static string Key(string key, string? value, string example) =>
        value is not null ? $"{key} = {Quote(value)}" : $"# {key} = {Quote(example)}";

    /// <summary>A TOML basic string.</summary>
    private static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
