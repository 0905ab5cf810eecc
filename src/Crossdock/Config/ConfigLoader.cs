using System.Collections.Immutable;
using Crossdock.Core;
using Crossdock.Core.Targets;

namespace Crossdock.Config;

/// <summary>
/// Loads and validates <c>crossdock.toml</c>. Every problem is one error naming the file, the line and the key:
/// unknown keys (with a suggestion), missing required keys, wrong types, invalid names and versions.
/// </summary>
public static class ConfigLoader
{
    public const string DefaultFileName = "crossdock.toml";

    private static readonly Dictionary<string, string[]> Schema = new(StringComparer.Ordinal)
    {
        ["package"] = ["name", "version", "description", "license", "readme", "homepage", "repository", "bin", "targets"],
        ["pypi"] = ["name", "requires-python"],
        ["npm"] = ["name", "platform-package"],
        ["build"] = ["language", "command", "binary", "project"],
    };

    public static readonly ImmutableArray<string> Languages = ["rust", "go", "zig", "dotnet", "custom"];

    public static ProjectConfig Load(string path)
    {
        if (Directory.Exists(path)) throw CrossdockException.ForFile(path, "is a directory; pass the crossdock.toml file");
        if (!File.Exists(path)) throw CrossdockException.ForFile(path, "no such file (create one with 'crossdock init')");
        return Parse(path, File.ReadAllText(path));
    }

    public static ProjectConfig Parse(string path, string text)
    {
        var sections = TomlDocument.Parse(path, text).ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var section in sections.Values)
        {
            if (!Schema.TryGetValue(section.Name, out var keys))
            {
                throw CrossdockException.AtLine(path, section.Line, $"[{section.Name}] is not a crossdock.toml section{Suggest(section.Name, Schema.Keys)}");
            }
            foreach (var entry in section.Entries.Where(e => !keys.Contains(e.Key, StringComparer.Ordinal)))
            {
                throw CrossdockException.AtLine(path, entry.Line, $"[{section.Name}] {entry.Key}: unknown key{Suggest(entry.Key, keys)}");
            }
        }
        var package = sections.TryGetValue("package", out var p) ? new SectionReader(path, p) : throw CrossdockException.ForFile(path, "the [package] section is required");
        var pypi = new SectionReader(path, sections.GetValueOrDefault("pypi") ?? new TomlSection("pypi", 0, []));
        var npm = new SectionReader(path, sections.GetValueOrDefault("npm") ?? new TomlSection("npm", 0, []));
        var build = new SectionReader(path, sections.GetValueOrDefault("build") ?? new TomlSection("build", 0, []));

        var name = package.RequiredString("name");
        if (!ProjectNames.IsValidPypiName(name)) package.Fail("name", $"'{name}' is not a valid package name (letters, digits, '-', '_', '.'; starting and ending with a letter or digit)");

        ReleaseVersion? version = null;
        if (package.OptionalString("version") is { } versionText)
        {
            if (!ReleaseVersion.TryParse(versionText, out var parsed, out var reason)) package.Fail("version", reason);
            version = parsed;
        }

        var bin = package.OptionalString("bin") ?? name;
        if (!ProjectNames.IsValidCommandName(bin)) package.Fail("bin", $"'{bin}' is not a usable command name");

        var readme = package.OptionalString("readme") is { } readmeName
            ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, readmeName))
            : null;
        if (readme is not null && !File.Exists(readme)) package.Fail("readme", $"'{readme}' does not exist");

        var pypiName = pypi.OptionalString("name") ?? name;
        if (!ProjectNames.IsValidPypiName(pypiName)) pypi.Fail("name", $"'{pypiName}' is not a valid PyPI name");

        var npmName = npm.OptionalString("name") ?? name.ToLowerInvariant();
        if (ProjectNames.NpmNameProblem(npmName) is { } npmProblem) npm.Fail("name", $"'{npmName}' is not a valid npm name: it {npmProblem}");
        var template = npm.OptionalString("platform-package") ?? "{name}-{suffix}";
        if (!template.Contains("{suffix}", StringComparison.Ordinal)) npm.Fail("platform-package", "must contain {suffix}, or every target would get the same package name");
        var npmConfig = new NpmConfig(npmName, template);
        // Every target's name, not one sample: the suffixes differ in length, and npm stops at 214 characters.
        foreach (var sample in TargetTable.All.Select(npmConfig.PlatformPackageName))
        {
            if (ProjectNames.NpmNameProblem(sample) is { } templateProblem) npm.Fail("platform-package", $"gives '{sample}', which is not a valid npm name: it {templateProblem}");
        }

        var language = build.OptionalString("language");
        if (language is not null && !Languages.Contains(language)) build.Fail("language", $"'{language}' is not one of {string.Join(", ", Languages)}");

        return new ProjectConfig(
            path,
            name,
            version,
            package.OptionalString("description"),
            package.OptionalString("license"),
            readme,
            package.OptionalString("homepage"),
            package.OptionalString("repository"),
            bin,
            ReadTargets(package),
            new PypiConfig(pypiName, pypi.OptionalString("requires-python")),
            npmConfig,
            new BuildConfig(language, build.OptionalString("command"), build.OptionalString("binary"), build.OptionalString("project")));
    }

    private static ImmutableArray<Target> ReadTargets(SectionReader package)
    {
        var triples = package.OptionalStringArray("targets");
        if (triples is null) return TargetTable.Defaults;
        if (triples.Value.IsEmpty) package.Fail("targets", "is empty; leave it out for the default targets");
        var targets = new List<Target>();
        foreach (var triple in triples.Value)
        {
            var target = TargetTable.FindByTriple(triple);
            if (target is null) package.Fail("targets", $"'{triple}' is not a supported target{Suggest(triple, TargetTable.All.Select(t => t.Triple))}");
            if (targets.Contains(target!)) package.Fail("targets", $"'{triple}' is listed twice");
            targets.Add(target!);
        }
        return [.. targets];
    }

    /// <summary>" (did you mean 'x'?)" when a known word is within two edits.</summary>
    internal static string Suggest(string word, IEnumerable<string> known)
    {
        var best = known.Select(k => (Word: k, Distance: EditDistance(word, k))).OrderBy(x => x.Distance).FirstOrDefault();
        return best.Word is not null && best.Distance <= Math.Max(2, word.Length / 4) ? $" (did you mean '{best.Word}'?)" : "";
    }

    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    /// <summary>Typed access to one section's keys, failing with file, line and key.</summary>
    private sealed class SectionReader(string path, TomlSection section)
    {
        public string RequiredString(string key) =>
            OptionalString(key) ?? throw CrossdockException.AtLine(path, section.Line, $"[{section.Name}] {key}: required key is missing");

        public string? OptionalString(string key)
        {
            var entry = Find(key);
            if (entry is null) return null;
            if (entry.Value is not string s) throw Error(entry, "must be a string");
            if (s.Trim().Length == 0) throw Error(entry, "must not be empty");
            return s;
        }

        public ImmutableArray<string>? OptionalStringArray(string key)
        {
            var entry = Find(key);
            if (entry is null) return null;
            if (entry.Value is not ImmutableArray<object> items || items.Any(i => i is not string)) throw Error(entry, "must be an array of strings");
            return [.. items.Cast<string>()];
        }

        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        public void Fail(string key, string reason)
        {
            var entry = Find(key);
            throw entry is not null ? Error(entry, reason) : CrossdockException.ForFile(path, $"[{section.Name}] {key}: {reason}");
        }

        private TomlEntry? Find(string key) => section.Entries.FirstOrDefault(e => e.Key == key);

        private CrossdockException Error(TomlEntry entry, string reason) =>
            CrossdockException.AtLine(path, entry.Line, $"[{section.Name}] {entry.Key}: {reason}");
    }
}
