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
        var metadata = facts.Registry;
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
            ["authors"] = ArrayKey("authors", [.. metadata.Authors.Select(Person)], "{ name = \"Ann Example\", email = \"ann@example.com\" }"),
            ["maintainers"] = ArrayKey("maintainers", [.. metadata.Maintainers.Select(Person)], "{ email = \"team@example.com\" }"),
            ["keywords"] = ArrayKey("keywords", [.. metadata.Keywords.Select(Quote)], "\"cli\""),
            ["license-files"] = ArrayKey("license-files", [.. metadata.LicenseFiles.Select(Quote)], "\"LICENSE*\", \"legal/NOTICE\""),
            ["urls"] = metadata.Urls.IsEmpty
                ? "# Documentation = \"https://docs.example.org\"\n# Issues = \"https://github.com/OWNER/REPO/issues\""
                : string.Join('\n', metadata.Urls.Select(u => $"{BareKeyOrQuoted(u.Label)} = {Quote(u.Url)}")),
            ["requires-python"] = Key("requires-python", metadata.RequiresPython, ">=3.8"),
            ["classifiers"] = ArrayKey("classifiers", [.. metadata.Classifiers.Select(Quote)], "\"Environment :: Console\""),
            ["python-source"] = Key("python-source", metadata.PythonSource, "python"),
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

    /// <summary><c>key = [items]</c> on one line, or the commented example when there are none.</summary>
    private static string ArrayKey(string key, string[] items, string example) =>
        items.Length > 0 ? $"{key} = [{string.Join(", ", items)}]" : $"# {key} = [{example}]";

    private static string Person(Config.Person person) =>
        "{ " + string.Join(", ", new[] { person.Name is { } n ? $"name = {Quote(n)}" : null, person.Email is { } e ? $"email = {Quote(e)}" : null }.OfType<string>()) + " }";

    /// <summary>A TOML key: bare when it is letters, digits, '-' and '_', quoted otherwise ("Bug Tracker").</summary>
    private static string BareKeyOrQuoted(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? key : Quote(key);

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
