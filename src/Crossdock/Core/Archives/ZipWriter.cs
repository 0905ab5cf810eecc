using System.Buffers.Binary;
using System.Text;
using Crossdock.Core.Files;

namespace Crossdock.Core.Archives;

/// <summary>
/// Writes a zip file (PKWARE APPNOTE 6.3) the way PyPI's upload checks want a wheel: sizes and CRC in every local
/// header (no data descriptors: general-purpose bit 3 clear), UTF-8 names (bit 11), DEFLATE only, no comment,
/// no extra fields, Unix mode bits in the external attributes, one fixed timestamp. Hand-written because
/// System.IO.Compression's ZipArchive compresses each entry itself and cannot take the DEFLATE stream crossdock
/// makes once per binary and shares with the npm tarball.
/// </summary>
public sealed class ZipWriter(Stream output, DateTimeOffset timestamp)
{
    private readonly Stream _output = output;

    private const uint LocalHeaderSignature = 0x04034b50;
    private const uint CentralHeaderSignature = 0x02014b50;
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const ushort VersionNeeded = 20;
    private const ushort VersionMadeByUnix = (3 << 8) | 20;
    private const ushort FlagUtf8Names = 1 << 11;
    private const ushort MethodDeflate = 8;
    private const int LocalHeaderSize = 30;
    private const int RegularFile = 0x8000; // S_IFREG

    private readonly (ushort Time, ushort Date) _dos = ArchiveTime.ToDos(timestamp);
    private readonly List<Entry> _entries = [];

    /// <summary>Adds a small file, compressing it here.</summary>
    public void AddFile(string name, ReadOnlySpan<byte> content, int unixMode = FileModes.Regular)
    {
        var entry = BeginEntry(name, unixMode);
        _output.Write(DeflateSettings.Fragment(content, final: true));
        EndEntry(entry, System.IO.Hashing.Crc32.HashToUInt32(content), content.Length);
    }

    /// <summary>
    /// Starts an entry whose DEFLATE data the caller writes straight to the output stream; the local header is
    /// written now with zero sizes and patched by <see cref="EndEntry"/>.
    /// </summary>
    public Entry BeginEntry(string name, int unixMode)
    {
        if (_output.Position > uint.MaxValue) throw CrossdockException.ForFile(name, "the wheel passes 4 GiB, which needs ZIP64 (not supported)");
        var entry = new Entry(Encoding.UTF8.GetBytes(name), unixMode, _output.Position);
        if (_entries.Any(e => e.Name.AsSpan().SequenceEqual(entry.Name))) throw new InvalidOperationException($"duplicate zip entry {name}");
        _output.Write(LocalHeader(entry));
        entry.DataStart = _output.Position;
        _entries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Starts an entry whose data is a sync-flushed DEFLATE fragment made by <see cref="SharedDeflate"/>; when the
    /// fragment is written, the entry ends the stream with an empty final block and records the checksums.
    /// </summary>
    public ISplicedEntry BeginSplicedEntry(string name, int unixMode) => new SplicedEntry(this, BeginEntry(name, unixMode));

    public void EndEntry(Entry entry, uint crc32, long uncompressedSize)
    {
        var end = _output.Position;
        var compressedSize = end - entry.DataStart;
        if (compressedSize > uint.MaxValue || uncompressedSize > uint.MaxValue)
        {
            throw new CrossdockException($"{Encoding.UTF8.GetString(entry.Name)}: larger than 4 GiB, which needs ZIP64 (not supported)");
        }
        entry.Crc32 = crc32;
        entry.CompressedSize = (uint)compressedSize;
        entry.UncompressedSize = (uint)uncompressedSize;
        _output.Position = entry.HeaderOffset;
        _output.Write(LocalHeader(entry));
        _output.Position = end;
    }

    /// <summary>Writes the central directory and end record. The output is complete after this.</summary>
    public void Finish()
    {
        var start = _output.Position;
        foreach (var entry in _entries) _output.Write(CentralHeader(entry));
        var size = _output.Position - start;
        if (_output.Position > uint.MaxValue) throw new CrossdockException("the wheel passes 4 GiB, which needs ZIP64 (not supported)");
        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, EndOfCentralDirectorySignature);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], checked((uint)size));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], checked((uint)start));
        _output.Write(end);
    }

    private byte[] LocalHeader(Entry entry)
    {
        var header = new byte[LocalHeaderSize + entry.Name.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(header, LocalHeaderSignature);
        WriteEntryFields(header.AsSpan(4), entry);
        entry.Name.CopyTo(header, LocalHeaderSize);
        return header;
    }

    private byte[] CentralHeader(Entry entry)
    {
        var header = new byte[46 + entry.Name.Length];
        var h = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(h, CentralHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(h[4..], VersionMadeByUnix);
        WriteEntryFields(h[6..], entry);
        BinaryPrimitives.WriteUInt32LittleEndian(h[38..], (uint)(RegularFile | entry.UnixMode) << 16);
        BinaryPrimitives.WriteUInt32LittleEndian(h[42..], checked((uint)entry.HeaderOffset));
        entry.Name.CopyTo(h[46..]);
        return header;
    }

    /// <summary>
    /// The 26 bytes local and central headers share, in the same order: version needed, flags, method, time,
    /// date, CRC-32, sizes, name length (extra-field length stays 0). Writing them once keeps the two in step,
    /// which is what PyPI's "local and central sizes agree" rule checks.
    /// </summary>
    private void WriteEntryFields(Span<byte> at, Entry entry)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], FlagUtf8Names);
        BinaryPrimitives.WriteUInt16LittleEndian(at[4..], MethodDeflate);
        BinaryPrimitives.WriteUInt16LittleEndian(at[6..], _dos.Time);
        BinaryPrimitives.WriteUInt16LittleEndian(at[8..], _dos.Date);
        BinaryPrimitives.WriteUInt32LittleEndian(at[10..], entry.Crc32);
        BinaryPrimitives.WriteUInt32LittleEndian(at[14..], entry.CompressedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(at[18..], entry.UncompressedSize);
        BinaryPrimitives.WriteUInt16LittleEndian(at[22..], (ushort)entry.Name.Length);
    }

    private sealed class SplicedEntry(ZipWriter writer, Entry entry) : ISplicedEntry
    {
        public Stream Output => writer._output;

        public void End(SplicedContent content)
        {
            writer._output.Write(DeflateSettings.FinalEmptyBlock);
            writer.EndEntry(entry, content.Crc32, content.Size);
        }
    }

    /// <summary>One entry being written; sizes are filled in when it ends.</summary>
    public sealed class Entry(byte[] name, int unixMode, long headerOffset)
    {
        public byte[] Name { get; } = name;
        public int UnixMode { get; } = unixMode;
        public long HeaderOffset { get; } = headerOffset;
        public long DataStart { get; set; }
        public uint Crc32 { get; set; }
        public uint CompressedSize { get; set; }
        public uint UncompressedSize { get; set; }
    }
}
