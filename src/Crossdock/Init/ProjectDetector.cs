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
        var facts = Readers.Select(read => read(folder)).OfType<ProjectFacts>().Aggregate(ProjectFacts.None, (known, found) => known.Or(found));
        var readme = Readmes.FirstOrDefault(r => File.Exists(Path.Combine(folder, r)));
        if (readme is not null) facts = facts with { Readme = readme };
        return MakeValid(facts, Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)));
    }

    private static (ProjectFacts, IReadOnlyList<string>) MakeValid(ProjectFacts facts, string folderName)
    {
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
        if (facts.Language is null) notes.Add("no Cargo.toml, go.mod, build.zig.zon or .csproj with PublishAot found: set [build] language");
        // Notes quote what the manifests hold, which may span lines (a regex-read build.zig.zon; found by fuzzing).
        return (facts with { Name = name, Commands = [.. commands], Version = version, NpmName = npmName }, [.. notes.Select(CrossdockException.OneLine)]);
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
