using System.Collections.Immutable;
using Crossdock.Targets;

namespace Crossdock.Verification;

/// <summary>One thing wrong with one artifact: which file, which check, and what was found.</summary>
public sealed record VerificationProblem(string File, string Check, string Message)
{
    public override string ToString() => $"{File}: {Check}: {Message}";
}

/// <summary>The kinds of artifact a release holds.</summary>
public enum ArtifactKind
{
    Wheel,
    NpmPlatformPackage,
    NpmMainPackage,
}

/// <summary>An artifact as verify understood it: the targets it serves, the version it carries and, for the
/// main npm package, the optional dependencies it pins.</summary>
public sealed record VerifiedArtifact(string File, ArtifactKind Kind, string? PackageName, string? Version, ImmutableArray<Target> Targets)
{
    public ImmutableDictionary<string, string> Pins { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>Collects problems for one file while its checks run.</summary>
public sealed class ProblemList(string file)
{
    private readonly List<VerificationProblem> _problems = [];

    public string File { get; } = file;

    public IReadOnlyList<VerificationProblem> Problems => _problems;

    public void Add(string check, string message) => _problems.Add(new VerificationProblem(File, check, message));
}
