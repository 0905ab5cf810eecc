using Crossdock.Archives;
using Crossdock.Release;

namespace Crossdock.Npm;

/// <summary>Writes the main package tarball atomically (temporary name, then rename) into the npm folder.</summary>
public static class MainPackageWriter
{
    private const int Executable = 0b111_101_101;

    public static string Write(ProjectMetadata project, MainPackageArtifact package, string npmDirectory, DateTimeOffset timestamp)
    {
        var path = Path.Combine(npmDirectory, package.FileName);
        using var staging = new StagedFiles(npmDirectory);
        var temporary = staging.Reserve(path);
        using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            var tar = new TarGzWriter(output, timestamp);
            tar.AddFile("package/package.json", MainPackageContent.PackageJson(project, package));
            tar.AddFile("package/README.md", MainPackageContent.Readme(project, package));
            tar.AddFile($"package/{package.LauncherEntry}", MainPackageContent.Launcher(package), Executable);
            tar.Finish();
        }
        staging.Commit();
        return path;
    }
}
