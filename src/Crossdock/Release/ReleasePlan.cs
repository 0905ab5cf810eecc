using System.Collections.Immutable;
using Crossdock.Channels.GitHub;
using Crossdock.Channels.Npm;
using Crossdock.Channels.NuGet;
using Crossdock.Channels.Pypi;
using Crossdock.Core;
using Crossdock.Core.Targets;
using Crossdock.Plan;

namespace Crossdock.Release;

/// <summary>
/// Everything a <c>pack</c> run will write, decided before a byte is written (cargo-dist's DistGraph,
/// goreleaser's artifact list): every path, name and text. Writers only execute it, and <c>--dry-run</c> prints it.
/// </summary>
public sealed record ReleasePlan(ProjectRelease Release, ImmutableArray<PlatformRelease> Platforms)
{
    public ProjectMetadata Project => Release.Project;

    public ReleaseVersion Version => Release.Version;

    public ReleaseLayout Layout => Release.Layout;

    /// <summary>Said once per run: the targets that get no wheel (FreeBSD) and why; null when every target gets one.</summary>
    public string? NoWheelNote => WheelPlatformTags.NoWheelNote(Platforms.Where(p => p.Wheel is null).Select(p => p.Target));

    /// <summary>Said once per run: a .NET tool has one command (the SDK refuses more), so the NuGet packages carry the first.</summary>
    public string? NugetCommandNote => Project.Commands.Length > 1 && Platforms.Any(p => p.Nuget is not null)
        ? $"the NuGet tool packages carry only the command '{Project.Bin}': a .NET tool has one command"
        : null;
}

/// <summary>One target's binaries (one per command) and the package each channel makes of them.</summary>
/// <param name="Wheel">Null for a target PyPI has no platform tag for (FreeBSD): only npm ships it.</param>
/// <param name="Archive">The GitHub Release archive; null when <c>[github] archives = false</c>.</param>
/// <param name="Nuget">The .NET tool's RID package; null when <c>[nuget] enabled = false</c> or .NET has no RID for the target.</param>
/// <param name="Warnings">What the binaries' headers and their packages' tags say will hurt users.</param>
public sealed record PlatformRelease(PlatformBinaries Binaries, WheelArtifact? Wheel, NpmPlatformPackageArtifact NpmPackage, GithubArchiveArtifact? Archive, NugetPackageArtifact? Nuget, ImmutableArray<string> Warnings)
{
    public Target Target => Binaries.Target;
}
