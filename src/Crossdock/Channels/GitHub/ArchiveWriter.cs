using Crossdock.Core.Archives;
using Crossdock.Core.Files;

namespace Crossdock.Channels.GitHub;

/// <summary>
/// Writes a planned GitHub Release archive: each executable's entry (mode 0755) takes its data from the pass that
/// compresses the binary once for every package (a .tar.gz splices it into its gzip member like the npm tarball,
/// a .zip entry holds it like the wheel's), then the README and licence files.
/// </summary>
public sealed class ArchiveWriter
{
    private readonly GithubArchiveArtifact _archive;
    private readonly TarGzWriter? _tar;
    private readonly ZipWriter? _zip;

    public ArchiveWriter(Stream output, GithubArchiveArtifact archive, DateTimeOffset timestamp)
    {
        _archive = archive;
        if (archive.Format == ArchiveFormat.Zip) _zip = new ZipWriter(output, timestamp);
        else _tar = new TarGzWriter(output, timestamp);
    }

    /// <summary>The entry of command <paramref name="index"/>'s executable, for the compressing pass to write into.</summary>
    public ISplicedEntry BeginExecutable(int index, long size) =>
        _zip?.BeginSplicedEntry(_archive.BinaryEntries[index], FileModes.Executable)
        ?? _tar!.BeginSplicedFile(_archive.BinaryEntries[index], size, FileModes.Executable);

    /// <summary>After every executable's entry ended: the documents, and the end of the archive.</summary>
    public void Finish()
    {
        foreach (var file in _archive.Files)
        {
            if (_zip is not null) _zip.AddFile(file.Entry, file.Contents(), file.Mode);
            else _tar!.AddFile(file.Entry, file.Contents(), file.Mode);
        }
        if (_zip is not null) _zip.Finish();
        else _tar!.Finish();
    }
}
