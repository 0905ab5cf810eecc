using System.Buffers.Binary;
using System.IO.Hashing;
using Crossdock.Core.Files;

namespace Crossdock.Core.Archives;

/// <summary>
/// Writes a gzip'd ustar archive (an npm package tarball) as ONE gzip member whose DEFLATE stream is a chain of
/// fragments: small entries are compressed here, while a large file's data can be spliced in from a DEFLATE
/// fragment made elsewhere (the same one the wheel's zip entry holds). Fragments end with a sync flush, so they
/// join into one valid stream; the gzip trailer's CRC-32 and size cover the whole tar (a spliced file's CRC is
/// combined in, <see cref="Crc32Combine"/>, rather than its bytes hashed again).
/// </summary>
public sealed class TarGzWriter
{
    private readonly Stream _output;
    private readonly long _mtime;
    private readonly MemoryStream _pending = new();
    private uint _crc;
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
    /// DEFLATE fragment; its <see cref="SplicedFile.End"/> takes the file's size and CRC-32.
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
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)(_tarLength & 0xffffffff));
        _output.Write(trailer);
    }

    private void AppendTar(ReadOnlySpan<byte> bytes)
    {
        _pending.Write(bytes);
        AppendCrc(Crc32.HashToUInt32(bytes), bytes.Length);
    }

    private void AppendCrc(uint crc, long length)
    {
        _crc = Crc32Combine.Combine(_crc, crc, length);
        _tarLength += length;
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
        /// <summary>The fragment continues the gzip member's DEFLATE stream; the archive ends it in <see cref="Finish"/>.</summary>
        public Stream Output => writer._output;

        public void End(SplicedContent content)
        {
            if (content.Size != size) throw new InvalidOperationException($"tar entry declared {size} bytes but {content.Size} were written (the file changed while being read?)");
            writer.AppendCrc(content.Crc32, content.Size);
            writer._open = null;
            writer.AppendTar(new byte[UstarHeader.Padding(size)]);
        }
    }
}
