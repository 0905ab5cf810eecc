using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Crossdock.Config;
using Crossdock.Core;

namespace Crossdock.Init;

/// <summary>
/// Reads what a project folder already says about itself. Language manifests come first, in a fixed order
/// (Cargo.toml, go.mod, build.zig.zon, a NativeAOT .csproj): the first one found sets the [build] language;
/// package.json and pyproject.toml then fill the metadata still missing.
/// </summary>
public static partial class ProjectDetector
{
    private static readonly Func<string, ProjectFacts?>[] Readers =
    [
        CargoManifest.Read, GoModule.Read, ZigPackage.Read, DotnetProject.Read, PackageJson.Read, Pyproject.Read,
    ];

    private static readonly string[] Readmes = ["README.md", "README.rst", "README.txt", "README"];

    /// <summary>
    /// The build language and project of the first language manifest in <paramref name="folder"/>, as <see cref="Detect"/>
    /// would set [build]; null when there is none. <paramref name="Source"/> names the manifest, for messages.
    /// </summary>
    public static (string Language, string? Project, string Source, string? NeedsLibc)? DetectLanguage(string folder)
    {
        if (!Directory.Exists(folder)) return null;
        var facts = Readers.Select(read => read(folder)).FirstOrDefault(f => f?.Language is not null);
        return facts is null ? null : (facts.Language!, facts.BuildProject, facts.Sources.FirstOrDefault() ?? facts.Language!, facts.NeedsLibc);
    }

    /// <summary>The facts, made valid for crossdock.toml, and a note for each value that had to be changed or dropped.</summary>
    public static (ProjectFacts Facts, IReadOnlyList<string> Notes) Detect(string folder)
    {
        var found = Readers.Select(read => read(folder)).OfType<ProjectFacts>().ToList();
        // maturin publishes pyproject.toml's [project] metadata over Cargo.toml's: read it first, the build still from Cargo.toml.
        if (Pyproject.BuiltByMaturin(folder)) found = [.. found.OrderBy(f => f.Language is null && f.Sources.Contains(Pyproject.FileName) ? 0 : 1)];
        var facts = found.Aggregate(ProjectFacts.None, (known, next) => known.Or(next));
        if (facts.Readme is not null && !File.Exists(Path.Combine(folder, facts.Readme))) facts = facts with { Readme = null };
        var readme = Readmes.FirstOrDefault(r => File.Exists(Path.Combine(folder, r)));
        if (facts.Readme is null && readme is not null) facts = facts with { Readme = readme };
        if (facts.License is null && LicenseText.Detect(folder) is { } license)
        {
            facts = facts with { License = license.License, Sources = [.. facts.Sources, license.File] };
        }
        return MakeValid(facts, folder);
    }

    private static (ProjectFacts, IReadOnlyList<string>) MakeValid(ProjectFacts facts, string folder)
    {
        var folderName = Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar));
        var notes = new List<string>();
        var name = facts.Name ?? folderName;
        if (!ProjectNames.IsValidPypiName(name))
        {
            var usable = Usable(name, "my-tool");
            notes.Add($"'{name}' is not a valid package name; using '{usable}'");
            name = usable;
        }
        var commands = new List<CommandConfig>();
        foreach (var command in facts.Commands.IsDefaultOrEmpty ? [new CommandConfig(name, name)] : facts.Commands)
        {
            var usable = command;
            if (!ProjectNames.IsValidCommandName(command.Name))
            {
                // The build still writes the file under its own name: keep it as the file when crossdock.toml can say so.
                var cleaned = Usable(command.Name, name);
                usable = new CommandConfig(cleaned, ProjectNames.IsValidCommandName(command.File) ? command.File : cleaned);
                notes.Add($"'{command.Name}' is not a usable command name; using '{cleaned}'");
            }
            if (commands.All(c => c.Name != usable.Name && c.File != usable.File)) commands.Add(usable);
        }
        var version = facts.Version;
        if (version is not null && !ReleaseVersion.TryParse(version, out _, out var reason))
        {
            notes.Add($"version '{version}' left out: {reason}");
            version = null;
        }
        var npmName = facts.NpmName;
        if (npmName is not null && ProjectNames.NpmNameProblem(npmName) is { } problem)
        {
            notes.Add($"npm name '{npmName}' left out: it {problem}");
            npmName = null;
        }
        var metadata = ValidMetadata(facts.Registry, Path.GetFullPath(folder), notes);
        if (facts.Language is null) notes.Add("no Cargo.toml, go.mod, build.zig.zon or .csproj with PublishAot found: set [build] language");
        // Notes quote what the manifests hold, which may span lines (a regex-read build.zig.zon; found by fuzzing).
        return (facts with { Name = name, Commands = [.. commands], Metadata = metadata, Version = version, NpmName = npmName }, [.. notes.Select(CrossdockException.OneLine)]);
    }

    /// <summary>
    /// The metadata crossdock.toml would accept, each value it would refuse dropped with a note: an unknown classifier, a
    /// keyword with a comma, an email without '@', a link that is not http(s) or whose label PyPI finds too long, a licence
    /// file pattern that matches nothing, a python-source that is no folder.
    /// </summary>
    private static RegistryMetadata ValidMetadata(RegistryMetadata metadata, string folder, List<string> notes)
    {
        bool Keep(bool valid, string note)
        {
            if (!valid) notes.Add(note);
            return valid;
        }
        ImmutableArray<Person> People(ImmutableArray<Person> people, string key) =>
            [.. people.Where(p => Keep(p.Email is null || p.Email.Contains('@', StringComparison.Ordinal), $"{key} '{p}' left out: '{p.Email}' is not an email address"))];
        return metadata with
        {
            Authors = People(metadata.Authors, "author"),
            Maintainers = People(metadata.Maintainers, "maintainer"),
            Keywords = [.. metadata.Keywords.Where(k => Keep(!k.Contains(',', StringComparison.Ordinal), $"keyword '{k}' left out: it holds a comma"))],
            Urls = [.. metadata.Urls.Where(u => Keep(u.Label.Length <= 32 && Uri.TryCreate(u.Url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http",
                $"link '{u.Label}' left out: PyPI takes http(s) URLs under labels of up to 32 characters"))],
            Classifiers = [.. metadata.Classifiers.Where(c => Keep(TroveClassifiers.Problem(c) is null, $"classifier '{c}' left out: {TroveClassifiers.Problem(c)}"))],
            LicenseFiles = [.. metadata.LicenseFiles.Where(f => Keep(LicenseFileGlobs.Problem(f) is null && LicenseFileGlobs.Matches(folder, f).Any(),
                $"license file '{f}' left out: {LicenseFileGlobs.Problem(f) ?? "it matches no file"}"))],
            PythonSource = metadata.PythonSource is { } source && !Keep(Directory.Exists(Path.Combine(folder, source)), $"python-source '{source}' left out: it is not a folder") ? null : metadata.PythonSource,
        };
    }

    /// <summary>Runs of characters a name may not hold become '-', and the ends are trimmed to letters or digits.</summary>
    private static string Usable(string name, string fallback)
    {
        var cleaned = NotNameCharacters().Replace(name, "-").Trim('-', '.', '_');
        return cleaned.Length > 0 ? cleaned : fallback;
    }

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex NotNameCharacters();
}
