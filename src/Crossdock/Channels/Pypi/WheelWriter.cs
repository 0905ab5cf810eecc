using System.Security.Cryptography;
using System.Text;
using Crossdock.Core.Archives;
using Crossdock.Core.Files;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// Writes a planned wheel: the executable first, its data spliced in from the pass that compresses it once for
/// every package, then the planned small files, then RECORD with every file's digest.
/// </summary>
public sealed class WheelWriter(Stream output, WheelArtifact wheel, DateTimeOffset timestamp)
{
    private readonly ZipWriter _zip = new(output, timestamp);
    private readonly RecordFile _record = new(wheel.RecordEntry);

    /// <summary>The executable's zip entry, for the compressing pass to write into.</summary>
    public ISplicedEntry BeginExecutable() => _zip.BeginSplicedEntry(wheel.ScriptEntry, FileModes.Executable);

    /// <summary>After the executable's entry ended: the small files, RECORD and the central directory.</summary>
    public void Finish(SplicedContent executable)
    {
        _record.Add(wheel.ScriptEntry, executable.Sha256, executable.Size);
        foreach (var file in wheel.Files)
        {
            var bytes = Encoding.UTF8.GetBytes(file.Text);
            _zip.AddFile(file.Entry, bytes, file.Mode);
            _record.Add(file.Entry, SHA256.HashData(bytes), bytes.Length);
        }
        _zip.AddFile(wheel.RecordEntry, Encoding.UTF8.GetBytes(_record.Render()));
        _zip.Finish();
    }
}
