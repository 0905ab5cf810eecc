using System.Collections.Immutable;
using Crossdock.Core;
using Crossdock.Core.Targets;

namespace Crossdock.Config;

/// <summary>
/// <c>crossdock.toml</c>, validated: every name checked, the version parsed once, targets resolved against
/// <see cref="TargetTable"/>. Paths (readme) are absolute, resolved against the file's folder.
/// </summary>
public sealed record ProjectConfig(
    string SourcePath,
    string Name,
    ReleaseVersion? Version,
    string? Description,
    string? License,
    string? ReadmePath,
    string? Homepage,
    string? Repository,
    ImmutableArray<CommandConfig> Commands,
    ImmutableArray<Target> Targets,
    PypiConfig Pypi,
    NpmConfig Npm,
    BuildConfig Build,
    MetadataConfig Metadata,
    GithubConfig Github,
    NugetConfig Nuget)
{
    /// <summary>The first command: the one <c>python -m</c> runs and messages name.</summary>
    public string Bin => Commands[0].Name;

    /// <summary>The release version: the one given on the command line wins over the file's.</summary>
    public ReleaseVersion ResolveVersion(string? commandLineVersion)
    {
        if (commandLineVersion is not null)
        {
            return ReleaseVersion.TryParse(commandLineVersion, out var v, out var reason)
                ? v
                : throw CrossdockException.Usage($"--version: {reason}");
        }
        return Version ?? throw CrossdockException.ForFile(SourcePath, "[package] version is required (or pass --version)");
    }
}

/// <summary><c>[pypi]</c>: the distribution name on PyPI, the Python versions it installs on, its classifiers, and
/// the folder of the project's own Python package(s) to ship beside the executable (maturin's python-source).</summary>
/// <param name="PythonSource">Absolute path of the folder, null when the wheel holds only crossdock's module.</param>
public sealed record PypiConfig(string Name, string? RequiresPython, ImmutableArray<string> Classifiers, string? PythonSource);

/// <summary><c>[npm]</c>: the main package's name and the template naming each platform package.</summary>
/// <param name="PlatformPackageTemplate">e.g. <c>{name}-{suffix}</c> or <c>@acme/cli-{suffix}</c>.</param>
public sealed record NpmConfig(string Name, string PlatformPackageTemplate)
{
    /// <summary>The platform package name for a target: the template with <c>{name}</c> and <c>{suffix}</c> filled in.</summary>
    public string PlatformPackageName(Target target) =>
        PlatformPackageTemplate.Replace("{name}", Name, StringComparison.Ordinal).Replace("{suffix}", target.NpmSuffix, StringComparison.Ordinal);

    /// <summary>The target whose platform package is called <paramref name="packageName"/>; null when none is.</summary>
    public Target? TargetOfPlatformPackage(string packageName) =>
        TargetTable.All.FirstOrDefault(t => PlatformPackageName(t) == packageName);
}

/// <summary>How the project builds its binary in CI (read by <c>crossdock generate github</c>).</summary>
/// <param name="Language">rust, go, zig, dotnet or custom.</param>
/// <param name="Command">A custom build command with placeholders such as <c>{target}</c>.</param>
/// <param name="Binary">Where the build leaves the binary, with the same placeholders.</param>
/// <param name="ProjectPath">Language-specific project location (Cargo package, Go main package, .csproj).</param>
/// <param name="CrossdockSource">Where the jobs install crossdock from (npm, pypi, dotnet, source); null for the default.</param>
public sealed record BuildConfig(string? Language, string? Command, string? Binary, string? ProjectPath, string? CrossdockSource = null);
