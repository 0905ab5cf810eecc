using System.Collections.Immutable;
using Crossdock.Config;
using Crossdock.Inspection;
using Crossdock.Pypi;
using Crossdock.Targets;

namespace Crossdock.Release;

/// <summary>
/// Everything a <c>pack</c> run will write, decided before a byte is written (cargo-dist's DistGraph,
/// goreleaser's artifact list): writers only execute it, and <c>--dry-run</c> prints it.
/// </summary>
public sealed record ReleasePlan(
    ProjectMetadata Project,
    ReleaseVersion Version,
    string OutputDirectory,
    ImmutableArray<PlatformRelease> Platforms);

/// <summary>The project facts that go into package metadata.</summary>
/// <param name="PypiName">Distribution name as configured (METADATA Name).</param>
/// <param name="Npm">The main npm package name and the platform package naming template.</param>
/// <param name="Bin">The command users type.</param>
/// <param name="ReadmePath">The long description / README source, if any.</param>
public sealed record ProjectMetadata(
    string PypiName,
    NpmConfig Npm,
    string Bin,
    string? Description,
    string? License,
    string? ReadmePath,
    string? Homepage,
    string? Repository,
    string? RequiresPython)
{
    public string NpmName => Npm.Name;

    public static ProjectMetadata From(ProjectConfig config) =>
        new(config.Pypi.Name, config.Npm, config.Bin, config.Description, config.License,
            config.ReadmePath, config.Homepage, config.Repository, config.Pypi.RequiresPython);
}

/// <summary>One binary and the two packages made from it.</summary>
public sealed record PlatformRelease(
    Target Target,
    string SourceBinary,
    long SourceSize,
    BinaryInspection Inspection,
    WheelArtifact Wheel,
    NpmPlatformPackageArtifact NpmPackage,
    ImmutableArray<string> Warnings);

/// <summary>A wheel to write: <c>{dist}-{version}-py3-none-{platform}.whl</c>.</summary>
/// <param name="ScriptEntry">Archive path of the executable under .data/scripts/.</param>
/// <param name="ModuleName">Python package holding <c>__main__.py</c>, so <c>python -m</c> runs the command.</param>
public sealed record WheelArtifact(
    string FileName,
    string DistName,
    string Version,
    WheelTag Tag,
    string ScriptEntry,
    string ModuleName)
{
    public string DataDirectory => $"{DistName}-{Version}.data";
    public string DistInfoDirectory => $"{DistName}-{Version}.dist-info";
}

/// <summary>An npm platform package to write: <c>{name}-{version}.tgz</c> (npm pack's naming).</summary>
/// <param name="BinaryEntry">Path of the executable inside the package (after <c>package/</c>).</param>
public sealed record NpmPlatformPackageArtifact(
    string Name,
    string Version,
    string FileName,
    NpmPlatform Platform,
    string BinaryEntry);
