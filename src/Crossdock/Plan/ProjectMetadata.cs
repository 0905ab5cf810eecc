using System.Collections.Immutable;
using Crossdock.Config;

namespace Crossdock.Plan;

/// <summary>The project as every package shows it: names, the commands, descriptions, people, links and licences.</summary>
/// <param name="PypiName">Distribution name as configured (METADATA Name).</param>
/// <param name="Npm">The main npm package name and the platform package naming template.</param>
/// <param name="Commands">The commands users type, in configured order; the first is the one <c>python -m</c> runs.</param>
/// <param name="Readme">The long description, read once while planning.</param>
/// <param name="Metadata">Authors, maintainers, keywords, licence files and links (pyproject.toml's spellings).</param>
/// <param name="Classifiers">PyPI trove classifiers, checked against PyPI's list.</param>
/// <param name="PythonSource">The folder of the project's own Python package(s) for the wheel; null for none.</param>
/// <param name="Name">[package] name: what GitHub Release archives, installers and the Homebrew formula are called.</param>
/// <param name="Github">Whether the release has GitHub archives, and the repository they are downloaded from.</param>
/// <param name="Nuget">Whether the release has .NET tool packages, and their id.</param>
public sealed record ProjectMetadata(
    string PypiName,
    NpmConfig Npm,
    ImmutableArray<string> Commands,
    string? Description,
    string? License,
    Readme? Readme,
    string? Homepage,
    string? Repository,
    string? RequiresPython,
    MetadataConfig Metadata,
    ImmutableArray<string> Classifiers,
    string? PythonSource,
    string Name,
    GithubConfig Github,
    NugetConfig Nuget)
{
    public string NpmName => Npm.Name;

    /// <summary>The first command: the one <c>python -m</c> runs and messages name.</summary>
    public string Bin => Commands[0];

    public static ProjectMetadata From(ProjectConfig config) =>
        new(config.Pypi.Name, config.Npm, [.. config.Commands.Select(c => c.Name)], config.Description, config.License,
            config.ReadmePath is { } readme ? Readme.Read(readme) : null, config.Homepage, config.Repository, config.Pypi.RequiresPython,
            config.Metadata, config.Pypi.Classifiers, config.Pypi.PythonSource, config.Name, config.Github, config.Nuget);
}
