using Crossdock.Core.Archives;
using Crossdock.Core.Files;

namespace Crossdock.Channels.Npm;

/// <summary>
/// Writes a planned npm platform package: package.json and README first, then the executable, its data spliced in
/// from the pass that compresses it once for every package.
/// </summary>
public sealed class PlatformPackageWriter
{
    private readonly TarGzWriter _tar;
    private readonly NpmPlatformPackageArtifact _package;

    public PlatformPackageWriter(Stream output, NpmPlatformPackageArtifact package, DateTimeOffset timestamp)
    {
        _package = package;
        _tar = new TarGzWriter(output, timestamp);
        foreach (var file in package.Files) _tar.AddFile(file.Entry, file.Contents(), file.Mode);
    }

    /// <summary>The tar entry of command <paramref name="index"/>'s executable, for the compressing pass to write into.</summary>
    public ISplicedEntry BeginExecutable(int index, long size) =>
        _tar.BeginSplicedFile(NpmPackageLayout.Entry(_package.BinaryEntries[index]), size, FileModes.Executable);

    /// <summary>After every executable's entry ended: the end of the archive and the gzip trailer.</summary>
    public void Finish() => _tar.Finish();
}
