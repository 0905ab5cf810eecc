using System.Security.Cryptography;
using System.Text;
using Crossdock.Core.Archives;
using Crossdock.Core.Files;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// Writes a planned wheel: the executables first, their data spliced in from the pass that compresses each binary
/// once for every package, then the planned files, then RECORD with every file's digest.
/// </summary>
public sealed class WheelWriter(Stream output, WheelArtifact wheel, DateTimeOffset timestamp)
{
    private readonly ZipWriter _zip = new(output, timestamp);
    private readonly RecordFile _record = new(wheel.RecordEntry);

    /// <summary>The zip entry of command <paramref name="index"/>'s executable, for the compressing pass to write into.</summary>
    public ISplicedEntry BeginExecutable(int index)
    {
        var entry = wheel.ScriptEntries[index];
        return new RecordedEntry(_zip.BeginSplicedEntry(entry, FileModes.Executable), content => _record.Add(entry, content.Sha256, content.Size));
    }

    /// <summary>After every executable's entry ended: the planned files, RECORD and the central directory.</summary>
    public void Finish()
    {
        foreach (var file in wheel.Files)
        {
            var bytes = file.Contents();
            _zip.AddFile(file.Entry, bytes, file.Mode);
            _record.Add(file.Entry, SHA256.HashData(bytes), bytes.Length);
        }
        _zip.AddFile(wheel.RecordEntry, Encoding.UTF8.GetBytes(_record.Render()));
        _zip.Finish();
    }

    /// <summary>A spliced entry that, once complete, puts its digest into RECORD.</summary>
    private sealed class RecordedEntry(ISplicedEntry inner, Action<SplicedContent> recorded) : ISplicedEntry
    {
        public Stream Output => inner.Output;

        public void End(SplicedContent content)
        {
            inner.End(content);
            recorded(content);
        }
    }
}
