using Crossdock.Core.Archives;
using Crossdock.Core.Files;

namespace Crossdock.Channels.Npm;

/// <summary>Writes a planned main package tarball atomically (temporary name, then rename) into the npm folder.</summary>
public static class MainPackageWriter
{
    public static void Write(MainPackageArtifact package, DateTimeOffset timestamp)
    {
        using var staging = new StagedFiles(Path.GetDirectoryName(package.Path)!);
        var temporary = staging.Reserve(package.Path);
        using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            var tar = new TarGzWriter(output, timestamp);
            foreach (var file in package.Files) tar.AddFile(file.Entry, file.Contents(), file.Mode);
            tar.Finish();
        }
        staging.Commit();
    }
}
