using System.Buffers.Binary;
using System.IO.Hashing;
using Crossdock.Core.Files;

namespace Crossdock.Core.Archives;

/// <summary>
/// Writes a gzip'd ustar archive (an npm package tarball) as ONE gzip member whose DEFLATE stream is a chain of
/// fragments: small entries are compressed here, while a large file's data can be spliced in from a DEFLATE
/// fragment made elsewhere (the same one the wheel's zip entry holds). Fragments end with a sync flush, so they
/// join into one valid stream; the gzip trailer's CRC-32 and size cover the whole tar.
/// </summary>
public sealed class TarGzWriter
{
    private readonly Stream _output;
    private readonly long _mtime;
    private readonly MemoryStream _pending = new();
    private readonly Crc32 _crc = new();
    private long _tarLength;
    private SplicedFile? _open;

    public TarGzWriter(Stream output, DateTimeOffset timestamp)
    {
        _output = output;
        _mtime = timestamp.ToUnixTimeSeconds();
        // gzip header (RFC 1952): magic, DEFLATE, no flags, no mtime (the entries carry it), OS = Unix.
        _output.Write([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]);
    }

    /// <summary>Adds a small file held in memory.</summary>
    public void AddFile(string name, ReadOnlySpan<byte> content, int unixMode = FileModes.Regular)
    {
        EnsureNoOpenFile();
        AppendTar(UstarHeader.Create(name, content.Length, unixMode, _mtime));
        AppendTar(content);
        AppendTar(new byte[UstarHeader.Padding(content.Length)]);
    }

    /// <summary>
    /// Starts a file whose compressed data the caller writes to the output stream as a non-final, byte-aligned
    /// DEFLATE fragment, reporting the uncompressed bytes to <see cref="SplicedFile.Append"/> for the CRC.
    /// </summary>
    public SplicedFile BeginSplicedFile(string name, long size, int unixMode)
    {
        EnsureNoOpenFile();
        AppendTar(UstarHeader.Create(name, size, unixMode, _mtime));
        FlushPending(final: false);
        _open = new SplicedFile(this, size);
        return _open;
    }

    /// <summary>Ends the archive: two zero blocks, the last fragment (final), and the gzip trailer.</summary>
    public void Finish()
    {
        EnsureNoOpenFile();
        AppendTar(new byte[2 * UstarHeader.BlockSize]);
        FlushPending(final: true);
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)(_tarLength & 0xffffffff));
        _output.Write(trailer);
    }

    private void AppendTar(ReadOnlySpan<byte> bytes)
    {
        _pending.Write(bytes);
        _crc.Append(bytes);
        _tarLength += bytes.Length;
    }

    private void FlushPending(bool final)
    {
        _output.Write(DeflateSettings.Fragment(_pending.GetBuffer().AsSpan(0, (int)_pending.Length), final));
        _pending.SetLength(0);
    }

    private void EnsureNoOpenFile()
    {
        if (_open is not null) throw new InvalidOperationException("a spliced tar entry is still open");
    }

    /// <summary>A file entry whose data is being spliced in; <see cref="End"/> it when its fragment is written.</summary>
    public sealed class SplicedFile(TarGzWriter writer, long size) : ISplicedEntry
    {
        private long _seen;

        /// <summary>The fragment continues the gzip member's DEFLATE stream; the archive ends it in <see cref="Finish"/>.</summary>
        public Stream Output => writer._output;

        /// <summary>Reports uncompressed bytes of the file (for the gzip CRC and size); call in order.</summary>
        public void Append(ReadOnlySpan<byte> data)
        {
            writer._crc.Append(data);
            writer._tarLength += data.Length;
            _seen += data.Length;
        }

        public void End(SplicedContent content)
        {
            if (_seen != size) throw new InvalidOperationException($"tar entry declared {size} bytes but {_seen} were appended (the file changed while being read?)");
            writer._open = null;
            writer.AppendTar(new byte[UstarHeader.Padding(size)]);
        }
    }
}
