using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Files;
using Crossdock.Core.Targets;
using Crossdock.Plan;

namespace Crossdock.Channels.Npm;

/// <summary>
/// Plans the main npm package from the platform tarballs in <c>OUT/npm</c> (the seed's generate-npm-packages
/// job): each tarball is matched to a configured target by its name, and must carry the release's version and
/// the os/cpu/libc the target table gives it. The plan holds the text of every file the package will hold.
/// </summary>
public static class MainPackagePlanner
{
    public static MainPackageArtifact Plan(ProjectConfig config, ProjectRelease release, bool allowMissing)
    {
        var npmDirectory = release.Layout.Npm;
        var version = release.Version;
        if (!Directory.Exists(npmDirectory)) throw CrossdockException.ForFile(npmDirectory, "no such folder (run 'crossdock pack' first)");
        var found = new Dictionary<Target, PlatformPackageRef>();
        foreach (var tarball in StagedFiles.Finished(npmDirectory, "*.tgz"))
        {
            var manifest = PackageTarball.ReadManifest(tarball);
            if (manifest.Name == config.Npm.Name) continue; // an earlier main package: it is being replaced
            var target = config.Npm.TargetOfPlatformPackage(manifest.Name)
                ?? throw CrossdockException.ForFile(tarball, $"holds package {manifest.Name}, which is not a platform package of {config.Npm.Name} (expected names like {config.Npm.PlatformPackageName(config.Targets[0])})");
            if (!config.Targets.Contains(target)) throw CrossdockException.ForFile(tarball, $"is for {target.Triple}, which is not in [package] targets of {config.SourcePath}");
            if (manifest.Version != version.Semver) throw CrossdockException.ForFile(tarball, $"holds version {manifest.Version}, not the release's {version.Semver}");
            if (!manifest.Declares(target.NpmPlatform))
            {
                throw CrossdockException.ForFile(tarball, $"declares os/cpu/libc {manifest.DeclaredPlatform}, but {target.Triple} needs {target.NpmPlatform}");
            }
            if (found.TryGetValue(target, out var earlier)) throw CrossdockException.ForFile(tarball, $"is a second package for {target.Triple} (the first is {earlier.TarballPath})");
            found[target] = new PlatformPackageRef(target, manifest.Name, manifest.Version, tarball,
                [.. release.Project.Commands.Select(c => NpmPackageLayout.Executable(target.ExecutableFileName(c)))]);
        }

        var missing = config.Targets.Where(t => !found.ContainsKey(t)).ToList();
        if (found.Count == 0) throw CrossdockException.ForFile(npmDirectory, "holds no platform packages (run 'crossdock pack' first)");
        if (missing.Count > 0 && !allowMissing)
        {
            throw CrossdockException.ForFile(npmDirectory, $"has no platform package for {string.Join(", ", missing.Select(t => t.Triple))}; the main package would fail to install there (pass --allow-missing to ship without them)");
        }
        var package = new MainPackageArtifact(config.Npm.Name, version.Semver, Path.Combine(npmDirectory, NpmNames.TarballFileName(config.Npm.Name, version.Semver)),
            release.Project.Commands, [.. config.Targets.Where(found.ContainsKey).Select(t => found[t])], []);
        return package with
        {
            Files =
            [
                new PlannedText(NpmPackageLayout.Entry("package.json"), MainPackageContent.PackageJson(release.Project, package)),
                new PlannedText(NpmPackageLayout.Entry("README.md"), MainPackageContent.Readme(release.Project, package)),
                new PlannedText(NpmPackageLayout.Entry(package.LauncherEntry), MainPackageContent.Launcher(package), FileModes.Executable),
                .. package.Commands.Skip(1).Select(c => new PlannedText(NpmPackageLayout.Entry(NpmPackageLayout.Launcher(c)), MainPackageContent.CommandLauncher(package, c), FileModes.Executable)),
                .. PlatformPackagePlanner.LicenseFiles(release.Project),
            ],
        };
    }
}
