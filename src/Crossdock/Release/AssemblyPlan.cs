using Crossdock.Channels.Npm;
using Crossdock.Plan;

namespace Crossdock.Release;

/// <summary>
/// What <c>crossdock assemble</c> writes once every target's packages are in the output folder: the artifacts that
/// need all targets (today the main npm package; each channel that has such artifacts adds its own here).
/// </summary>
public sealed record AssemblyPlan(ProjectRelease Release, MainPackageArtifact NpmMainPackage);
