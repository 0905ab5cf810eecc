using Crossdock.Plan;

namespace Crossdock.Channels.Npm;

/// <summary>Plans one target's npm platform package: its name from the configured template, its path, package.json and README.</summary>
public static class PlatformPackagePlanner
{
    public static NpmPlatformPackageArtifact Plan(ProjectRelease release, PlatformBinary binary)
    {
        var project = release.Project;
        var name = project.Npm.PlatformPackageName(binary.Target);
        var version = release.Version.Semver;
        var package = new NpmPlatformPackageArtifact(name, version, Path.Combine(release.Layout.Npm, NpmNames.TarballFileName(name, version)),
            binary.Target.NpmPlatform, NpmPackageLayout.Executable(binary.Target.ExecutableFileName(project.Bin)), []);
        return package with
        {
            Files =
            [
                new PlannedFile(NpmPackageLayout.Entry("package.json"), PlatformPackageContent.PackageJson(project, package, binary.Target.Triple)),
                new PlannedFile(NpmPackageLayout.Entry("README.md"), PlatformPackageContent.Readme(project, package, binary.Target.Triple)),
            ],
        };
    }
}
