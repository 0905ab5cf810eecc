using System.Collections.Immutable;
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
            ["bin"] = Commands(facts.Commands),
            ["version"] = Key("version", facts.Version, "0.1.0"),
            ["description"] = Key("description", facts.Description, "What the tool does, in one line"),
            ["license"] = Key("license", facts.License, "MIT"),
            ["readme"] = Key("readme", facts.Readme, "README.md"),
            ["repository"] = Key("repository", facts.Repository, "https://github.com/OWNER/REPO"),
            ["homepage"] = Key("homepage", facts.Homepage, "https://example.org"),
            ["npm-name"] = Key("name", facts.NpmName, "@scope/" + facts.Name!.ToLowerInvariant()),
            ["language"] = Key("language", facts.Language, "custom"),
            ["project"] = Key("project", facts.BuildProject, "..."),
            ["targets"] = Targets(facts),
            ["placeholders"] = string.Join(", ", TargetPlaceholders.Names.Select(n => "{" + n + "}")),
        };
        return TemplateText.Fill(EmbeddedText.Read("crossdock-init.toml"), values);
    }

    /// <summary>
    /// The language's default targets as a commented array (a key left out gets them), then the others, all from
    /// <see cref="TargetTable"/>. A Go or Zig program that links libc (cgo, linkLibC) cannot use its language's
    /// libc-free defaults, so for it the glibc and musl targets are written as a real key, with the reason.
    /// </summary>
    private static string Targets(ProjectFacts facts)
    {
        var defaults = DefaultTargets.For(facts.Language);
        var libcFree = !defaults.SequenceEqual(TargetTable.Defaults);
        var explicitly = facts.NeedsLibc is not null && libcFree;
        var chosen = explicitly ? TargetTable.Defaults : defaults;
        var comment = explicitly ? "" : "# ";
        var lines = new List<string>();
        if (explicitly) lines.Add($"# A glibc and a musl build per Linux architecture, not {facts.Language}'s libc-free one: {facts.NeedsLibc}.");
        else if (libcFree) lines.Add($"# A {facts.Language} program needs no libc: one libc-free build per Linux architecture serves glibc and musl alike.");
        lines.Add($"{comment}targets = [");
        lines.AddRange(chosen.Select(t => $"{comment}    {Quote(t.Triple)},"));
        lines.Add($"{comment}]");
        var line = "# Also supported:";
        foreach (var triple in TargetTable.All.Where(t => !chosen.Contains(t)).Select(t => t.Triple))
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

    /// <summary>One command named like its file as a string, else a list whose renamed items are <c>{ name, file }</c> tables.</summary>
    private static string Commands(ImmutableArray<CommandConfig> commands)
    {
        string Item(CommandConfig c) => c.IsRenamed ? $"{{ name = {Quote(c.Name)}, file = {Quote(c.File)} }}" : Quote(c.Name);
        return commands is [{ IsRenamed: false } one] ? Item(one) : "[" + string.Join(", ", commands.Select(Item)) + "]";
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
