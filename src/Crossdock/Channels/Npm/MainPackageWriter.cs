using Crossdock.Core.Archives;

namespace Crossdock.Channels.Npm;

/// <summary>Writes a planned main package tarball: its planned files in order, nothing decided here.</summary>
public static class MainPackageWriter
{
    public static void Write(MainPackageArtifact package, Stream output, DateTimeOffset timestamp)
    {
        var tar = new TarGzWriter(output, timestamp);
        foreach (var file in package.Files) tar.AddFile(file.Entry, file.Contents(), file.Mode);
        tar.Finish();
    }
}
