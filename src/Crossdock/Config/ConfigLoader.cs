using System.Collections.Immutable;
using Crossdock.Core;
using Crossdock.Core.Targets;
using Crossdock.Core.Text;

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
        ["package"] = ["name", "version", "description", "license", "readme", "homepage", "repository", "bin", "targets",
            "authors", "maintainers", "keywords", "license-files"],
        ["package.urls"] = [], // free-form: label = URL
        ["pypi"] = ["name", "requires-python", "classifiers", "python-source"],
        ["npm"] = ["name", "platform-package"],
        ["build"] = ["language", "command", "binary", "project", "crossdock"],
        ["github"] = ["archives", "repository"],
        ["nuget"] = ["enabled", "id", "framework-dependent"],
    };

    public static readonly ImmutableArray<string> Languages = ["rust", "go", "zig", "dotnet", "custom"];

    /// <summary>The <c>[build] crossdock</c> values: where the workflow's jobs install crossdock from.</summary>
    public static readonly ImmutableArray<string> CrossdockSources = ["npm", "pypi", "dotnet", "source"];

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
                throw CrossdockException.AtLine(path, section.Line, $"[{section.Name}] is not a crossdock.toml section{Suggestions.DidYouMean(section.Name, Schema.Keys)}");
            }
            foreach (var entry in section.Entries.Where(e => keys.Length > 0 && !keys.Contains(e.Key, StringComparer.Ordinal)))
            {
                throw CrossdockException.AtLine(path, entry.Line, $"[{section.Name}] {entry.Key}: unknown key{Suggestions.DidYouMean(entry.Key, keys)}");
            }
        }
        var package = sections.TryGetValue("package", out var p) ? new SectionReader(path, p) : throw CrossdockException.ForFile(path, "the [package] section is required");
        var pypi = new SectionReader(path, sections.GetValueOrDefault("pypi") ?? new TomlSection("pypi", 0, []));
        var npm = new SectionReader(path, sections.GetValueOrDefault("npm") ?? new TomlSection("npm", 0, []));
        var build = new SectionReader(path, sections.GetValueOrDefault("build") ?? new TomlSection("build", 0, []));
        var urls = new SectionReader(path, sections.GetValueOrDefault("package.urls") ?? new TomlSection("package.urls", 0, []));
        var github = new SectionReader(path, sections.GetValueOrDefault("github") ?? new TomlSection("github", 0, []));
        var nuget = new SectionReader(path, sections.GetValueOrDefault("nuget") ?? new TomlSection("nuget", 0, []));

        var name = package.RequiredString("name");
        if (!ProjectNames.IsValidPypiName(name)) package.Fail("name", $"'{name}' is not a valid package name (letters, digits, '-', '_', '.'; starting and ending with a letter or digit)");

        ReleaseVersion? version = null;
        if (package.OptionalString("version") is { } versionText)
        {
            if (!ReleaseVersion.TryParse(versionText, out var parsed, out var reason)) package.Fail("version", reason);
            version = parsed;
        }

        var commands = ReadCommands(package, name);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;

        var readme = package.OptionalString("readme") is { } readmeName
            ? Path.GetFullPath(Path.Combine(folder, readmeName))
            : null;
        if (readme is not null && !File.Exists(readme)) package.Fail("readme", $"'{readme}' does not exist");

        var pypiName = pypi.OptionalString("name") ?? name;
        if (!ProjectNames.IsValidPypiName(pypiName)) pypi.Fail("name", $"'{pypiName}' is not a valid PyPI name");
        var classifiers = pypi.OptionalStringArray("classifiers") ?? [];
        foreach (var classifier in classifiers)
        {
            if (TroveClassifiers.Problem(classifier) is { } problem) pypi.Fail("classifiers", problem);
        }
        var pythonSource = pypi.OptionalString("python-source") is { } source ? Path.GetFullPath(Path.Combine(folder, source)) : null;
        if (pythonSource is not null && !Directory.Exists(pythonSource)) pypi.Fail("python-source", $"'{pythonSource}' is not a folder");

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
        var crossdockSource = build.OptionalString("crossdock");
        if (crossdockSource is not null && !CrossdockSources.Contains(crossdockSource)) build.Fail("crossdock", $"'{crossdockSource}' is not one of {string.Join(", ", CrossdockSources)}");
        if (crossdockSource == "source" && language != "dotnet") build.Fail("crossdock", "\"source\" builds crossdock from this repository's [build] project, so it needs language = \"dotnet\"");

        var targets = ReadTargets(package, language ?? LanguageManifests.Detect(folder));
        return new ProjectConfig(
            path,
            name,
            version,
            package.OptionalString("description"),
            package.OptionalString("license"),
            readme,
            package.OptionalString("homepage"),
            package.OptionalString("repository"),
            commands,
            targets,
            new PypiConfig(pypiName, pypi.OptionalString("requires-python"), classifiers, pythonSource),
            npmConfig,
            new BuildConfig(language, build.OptionalString("command"), build.OptionalString("binary"), build.OptionalString("project"), crossdockSource),
            ReadMetadata(path, folder, package, urls),
            ReadGithub(github, package.OptionalString("repository")),
            ReadNuget(nuget, package, name, targets, language));
    }

    /// <summary>
    /// <c>bin</c>: one command name, or a list whose items are names or <c>{ name = "mytool", file = "mytool-cli" }</c>
    /// for a command packed from a differently named build output. Default: the package name.
    /// </summary>
    private static ImmutableArray<CommandConfig> ReadCommands(SectionReader package, string name)
    {
        var items = package.OptionalItems("bin") ?? [name];
        if (items.IsEmpty) package.Fail("bin", "is empty; leave it out for one command named like the package");
        var commands = new List<CommandConfig>();
        foreach (var item in items)
        {
            CommandConfig command;
            if (item is TomlInlineTable table)
            {
                package.CheckTable("bin", table, "name", "file");
                var commandName = table["name"] as string
                    ?? throw package.Failure("bin", "a { ... } command needs name = \"...\" (and file = \"...\" when the build names it differently)");
                command = new CommandConfig(commandName, table["file"] as string ?? commandName);
            }
            else
            {
                command = new CommandConfig((string)item, (string)item);
            }
            if (!ProjectNames.IsValidCommandName(command.Name)) package.Fail("bin", $"'{command.Name}' is not a usable command name");
            if (!ProjectNames.IsValidCommandName(command.File)) package.Fail("bin", $"file '{command.File}' of command '{command.Name}' is not a usable file name");
            if (commands.Any(c => c.Name == command.Name)) package.Fail("bin", $"'{command.Name}' is listed twice");
            if (commands.Any(c => c.File == command.File)) package.Fail("bin", $"two commands are packed from the same file '{command.File}'");
            commands.Add(command);
        }
        return [.. commands];
    }

    /// <summary>
    /// <c>[github]</c>: archives on unless <c>archives = false</c>; the repository as <c>owner/name</c>, by default the
    /// one a github.com <c>[package] repository</c> URL names (null when neither says: the installers need it).
    /// </summary>
    private static GithubConfig ReadGithub(SectionReader github, string? packageRepository)
    {
        var repository = github.OptionalString("repository");
        if (repository is not null && !GithubConfig.IsRepositoryName(repository))
        {
            github.Fail("repository", $"'{repository}' is not owner/name (a GitHub repository, as in https://github.com/owner/name)");
        }
        return new GithubConfig(github.OptionalBool("archives") ?? true, repository ?? GithubConfig.RepositoryOf(packageRepository));
    }

    /// <summary>
    /// <c>[nuget]</c>: on unless <c>enabled = false</c>; the id by default the package name. The id is checked only when
    /// the channel is on, so a PyPI name NuGet refuses ("a..b") costs nothing to a project that ships no tool package.
    /// </summary>
    /// <c>framework-dependent = true</c> (a .NET project's) adds the <c>{id}.any</c> package the release workflow publishes from [build] project.
    private static NugetConfig ReadNuget(SectionReader nuget, SectionReader package, string name, ImmutableArray<Target> targets, string? language)
    {
        var enabled = nuget.OptionalBool("enabled") ?? true;
        var frameworkDependent = nuget.OptionalBool("framework-dependent") ?? false;
        if (frameworkDependent && language != "dotnet")
        {
            nuget.Fail("framework-dependent", "the any package is a framework-dependent 'dotnet publish' of [build] project, so it needs [build] language = \"dotnet\"");
        }
        var id = nuget.OptionalString("id");
        if (enabled && NugetConfig.IdProblem(id ?? name, targets) is { } problem)
        {
            if (id is not null) nuget.Fail("id", $"'{id}' {problem}");
            package.Fail("name", $"'{name}' {problem}, and [nuget] id defaults to it: set [nuget] id, or [nuget] enabled = false");
        }
        return new NugetConfig(enabled, id ?? name, frameworkDependent);
    }

    private static MetadataConfig ReadMetadata(string path, string folder, SectionReader package, SectionReader urls)
    {
        var keywords = package.OptionalStringArray("keywords") ?? [];
        if (keywords.FirstOrDefault(k => k.Contains(',', StringComparison.Ordinal)) is { } comma)
        {
            package.Fail("keywords", $"'{comma}' holds a comma, which METADATA's Keywords uses between keywords");
        }
        var links = new List<ProjectUrl>();
        foreach (var (label, url) in urls.StringEntries())
        {
            if (label.Length > 32) urls.Fail(label, "the label is longer than the 32 characters PyPI allows");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) urls.Fail(label, $"'{url}' is not an http(s) URL");
            links.Add(new ProjectUrl(label, url));
        }
        return new MetadataConfig(ReadPeople(package, "authors"), ReadPeople(package, "maintainers"), keywords,
            [.. ReadLicenseFiles(path, folder, package)], [.. links]);
    }

    private static ImmutableArray<Person> ReadPeople(SectionReader package, string key)
    {
        var people = new List<Person>();
        foreach (var table in package.OptionalTables(key, "name", "email") ?? [])
        {
            var person = new Person(table["name"] as string, table["email"] as string);
            if (person.Name is null && person.Email is null) package.Fail(key, "each { ... } needs a name, an email, or both");
            if (person.Email is { } email && !email.Contains('@', StringComparison.Ordinal)) package.Fail(key, $"'{email}' is not an email address");
            people.Add(person);
        }
        return [.. people];
    }

    private static IEnumerable<LicenseFile> ReadLicenseFiles(string path, string folder, SectionReader package)
    {
        var patterns = package.OptionalStringArray("license-files");
        if (patterns is null) return LicenseFileGlobs.Expand(folder, LicenseFileGlobs.Defaults);
        foreach (var pattern in patterns)
        {
            if (LicenseFileGlobs.Problem(pattern) is { } problem) package.Fail("license-files", problem);
            // PEP 639: a pattern that matches nothing is an error, so a renamed LICENSE cannot silently drop out.
            if (!LicenseFileGlobs.Matches(folder, pattern).Any()) package.Fail("license-files", $"'{pattern}' matches no file in {folder}");
        }
        return LicenseFileGlobs.Expand(folder, patterns);
    }

    private static ImmutableArray<Target> ReadTargets(SectionReader package, string? language)
    {
        var triples = package.OptionalStringArray("targets");
        if (triples is null) return DefaultTargets.For(language);
        if (triples.Value.IsEmpty) package.Fail("targets", "is empty; leave it out for the default targets");
        var targets = new List<Target>();
        foreach (var triple in triples.Value)
        {
            var target = TargetTable.FindByTriple(triple);
            if (target is null) package.Fail("targets", $"'{triple}' is not a supported target{Suggestions.DidYouMean(triple, TargetTable.All.Select(t => t.Triple))}");
            if (targets.Contains(target!)) package.Fail("targets", $"'{triple}' is listed twice");
            targets.Add(target!);
        }
        return [.. targets];
    }
}
