using Crossdock.Channels.GitHub;
using Crossdock.Channels.Npm;
using Crossdock.Channels.NuGet;
using Crossdock.Channels.Pypi;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Files;
using Crossdock.Plan;

namespace Crossdock.Release;

/// <summary>
/// Plans and writes what needs every target (<see cref="AssemblyPlan"/>), asking each channel for its part. The
/// writing is all-or-nothing, like pack's: temporary names, renamed together when every file is complete.
/// </summary>
public static class ReleaseAssembler
{
    /// <param name="githubRepository">--github-repository: the repository the release is made in, over crossdock.toml's.</param>
    /// <param name="githubTag">--github-tag: the release's tag, by default <c>v{version}</c>.</param>
    /// <param name="frameworkDependent">--nuget-framework-dependent: a framework-dependent publish folder to pack as the <c>{id}.any</c> package.</param>
    public static AssemblyPlan Plan(ProjectConfig config, ProjectRelease release, bool allowMissing, string? githubRepository = null, string? githubTag = null, string? frameworkDependent = null)
    {
        var npm = MainPackagePlanner.Plan(config, release, allowMissing);
        var github = GithubAssemblyPlanner.Plan(config, release, githubRepository, githubTag, [.. OtherChannelsFiles(release, npm)], allowMissing);
        var any = frameworkDependent is null ? null : PlanFrameworkDependent(config, release, frameworkDependent);
        var nuget = NugetPackagePlanner.PlanPointer(config, release, allowMissing, any);
        return new AssemblyPlan(release, npm, github, nuget, any);
    }

    private static NugetPackageArtifact PlanFrameworkDependent(ProjectConfig config, ProjectRelease release, string folder)
    {
        if (!config.Nuget.Enabled) throw CrossdockException.ForFile(config.SourcePath, "has [nuget] enabled = false, so there is no NuGet tool for --nuget-framework-dependent's package");
        if (!NugetNames.Rids(config.Targets).Any()) throw CrossdockException.ForFile(config.SourcePath, "has no target with a .NET RID, so there is no NuGet pointer package to list --nuget-framework-dependent's package");
        return NugetPackagePlanner.PlanFrameworkDependent(release, FrameworkDependentBuild.Read(folder, config.Bin));
    }

    /// <param name="hashed">Hears of each file the GitHub checksums list once it is hashed (index in <c>Github.Listed</c>, size).</param>
    public static void Write(AssemblyPlan plan, DateTimeOffset timestamp, Action<int, long>? hashed = null)
    {
        string[] folders =
        [
            plan.Release.Layout.Npm,
            .. plan.Github is null ? Array.Empty<string>() : [plan.Release.Layout.Github],
            .. plan.NugetPointer is null ? Array.Empty<string>() : [plan.Release.Layout.Nuget],
        ];
        using var staging = new StagedFiles(folders);
        var mainPackage = staging.Reserve(plan.NpmMainPackage.Path);
        using (var output = new FileStream(mainPackage, FileMode.CreateNew, FileAccess.Write))
        {
            MainPackageWriter.Write(plan.NpmMainPackage, output, timestamp);
        }
        foreach (var package in new[] { plan.NugetFrameworkDependent, plan.NugetPointer }.OfType<NugetPackageArtifact>())
        {
            // The zip writer patches each local header once its sizes are known, so the file is opened for reading too.
            using var output = new FileStream(staging.Reserve(package.Path), FileMode.CreateNew, FileAccess.ReadWrite);
            NugetPackageWriter.Write(output, package, timestamp);
        }
        if (plan.Github is { } github)
        {
            GithubAssemblyWriter.Write(github, staging, new Dictionary<string, string> { [plan.NpmMainPackage.Path] = mainPackage }, hashed);
        }
        staging.Commit();
    }

    /// <summary>
    /// The wheels and npm tarballs the GitHub checksum file and manifest list beside the archives, with the targets
    /// each serves: a wheel's from its platform tags, a platform package's from its name, the main package all.
    /// </summary>
    private static IEnumerable<ReleaseFile> OtherChannelsFiles(ProjectRelease release, MainPackageArtifact npm)
    {
        foreach (var wheel in StagedFiles.Finished(release.Layout.Pypi, "*.whl"))
        {
            var platform = WheelNames.Parse(Path.GetFileName(wheel))?.Platform ?? "";
            yield return new ReleaseFile(wheel, ReleaseFileKind.Wheel, [.. platform.Split('.').SelectMany(PypiPlatformTags.TargetsOf).Distinct()]);
        }
        foreach (var platform in npm.Platforms) yield return new ReleaseFile(platform.TarballPath, ReleaseFileKind.NpmPackage, [platform.Target]);
        yield return new ReleaseFile(npm.Path, ReleaseFileKind.NpmPackage, []);
    }
}
