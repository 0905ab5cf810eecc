using Crossdock.Plan;

namespace Crossdock.Channels.Npm;

/// <summary>Plans one target's npm platform package: its name from the configured template, its path, and every file.</summary>
public static class PlatformPackagePlanner
{
    public static NpmPlatformPackageArtifact Plan(ProjectRelease release, PlatformBinaries binaries)
    {
        var project = release.Project;
        var name = project.Npm.PlatformPackageName(binaries.Target);
        var version = release.Version.Semver;
        var package = new NpmPlatformPackageArtifact(name, version, Path.Combine(release.Layout.Npm, NpmNames.TarballFileName(name, version)),
            binaries.Target.NpmPlatform, [.. binaries.Commands.Select(c => NpmPackageLayout.Executable(binaries.FileName(c)))], []);
        var triple = binaries.Target.Triple;
        return package with
        {
            Files =
            [
                new PlannedText(NpmPackageLayout.Entry("package.json"), PlatformPackageContent.PackageJson(project, package, triple)),
                new PlannedText(NpmPackageLayout.Entry("README.md"), PlatformPackageContent.Readme(project, package, triple)),
                .. LicenseFiles(project),
            ],
        };
    }

    /// <summary>The project's licence files, at their project-relative paths in the package (npm's place for LICENSE).</summary>
    public static IEnumerable<PlannedFile> LicenseFiles(ProjectMetadata project) =>
        project.Metadata.LicenseFiles.Select(f => new PlannedCopy(NpmPackageLayout.Entry(f.RelativePath), f.FullPath));
}
