using Crossdock.Channels.GitHub;
using Crossdock.Channels.Npm;
using Crossdock.Channels.NuGet;
using Crossdock.Channels.Pypi;
using Crossdock.Config;
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
    public static AssemblyPlan Plan(ProjectConfig config, ProjectRelease release, bool allowMissing, string? githubRepository = null, string? githubTag = null)
    {
        var npm = MainPackagePlanner.Plan(config, release, allowMissing);
        var github = GithubAssemblyPlanner.Plan(config, release, githubRepository, githubTag, [.. OtherChannelsFiles(release, npm)], allowMissing);
        var nuget = NugetPackagePlanner.PlanPointer(config, release, allowMissing);
        return new AssemblyPlan(release, npm, github, nuget);
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
        if (plan.NugetPointer is { } pointer)
        {
            // The zip writer patches each local header once its sizes are known, so the file is opened for reading too.
            using var output = new FileStream(staging.Reserve(pointer.Path), FileMode.CreateNew, FileAccess.ReadWrite);
            NugetPackageWriter.Write(output, pointer, timestamp);
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
