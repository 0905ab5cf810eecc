using System.Collections.Immutable;
using Crossdock.Core.Targets;

namespace Crossdock.Plan;

/// <summary>The kinds of artifact a release holds.</summary>
public enum ArtifactKind
{
    Wheel,
    NpmPlatformPackage,
    NpmMainPackage,
    GithubArchive,

    /// <summary>A .NET tool's package for one runtime identifier, <c>{id}.{rid}</c>.</summary>
    NugetRidPackage,

    /// <summary>A .NET tool's pointer package, <c>{id}</c>, listing its RID packages.</summary>
    NugetToolPackage,
}

/// <summary>An artifact as verify understood it: the targets it serves, the version it carries and, for the
/// main npm package, the optional dependencies it pins.</summary>
public sealed record VerifiedArtifact(string File, ArtifactKind Kind, string? PackageName, string? Version, ImmutableArray<Target> Targets)
{
    public ImmutableDictionary<string, string> Pins { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>A NuGet pointer package's RID packages, by runtime identifier: the package id it names for each.</summary>
    public ImmutableDictionary<string, string> RidPackages { get; init; } = ImmutableDictionary<string, string>.Empty;
}
