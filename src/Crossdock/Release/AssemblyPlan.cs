using Crossdock.Channels.GitHub;
using Crossdock.Channels.Npm;
using Crossdock.Channels.NuGet;
using Crossdock.Plan;

namespace Crossdock.Release;

/// <summary>
/// What <c>crossdock assemble</c> writes once every target's packages are in the output folder: the artifacts that
/// need all targets (the main npm package; the GitHub installers, formula, checksum file and manifest; each channel
/// that has such artifacts adds its own here).
/// </summary>
/// <param name="Github">The GitHub Release's assets; null when <c>[github] archives = false</c>.</param>
/// <param name="NugetPointer">The .NET tool's pointer package; null when <c>[nuget] enabled = false</c> or no target has a .NET RID.</param>
/// <param name="NugetFrameworkDependent">The <c>{id}.any</c> package of <c>--nuget-framework-dependent</c>; null without it.</param>
public sealed record AssemblyPlan(ProjectRelease Release, MainPackageArtifact NpmMainPackage, GithubAssembly? Github, NugetPackageArtifact? NugetPointer, NugetPackageArtifact? NugetFrameworkDependent = null);
