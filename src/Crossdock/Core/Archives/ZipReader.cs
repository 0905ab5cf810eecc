using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Crossdock.Core.Archives;

/// <summary>One entry as both the central directory and its local header describe it.</summary>
public sealed record ZipEntryRecord(
    string Name,
    bool NameIsUtf8,
    ushort Flags,
    ushort Method,
    uint Crc32,
    long CompressedSize,
    long UncompressedSize,
    uint ExternalAttributes,
    long LocalHeaderOffset,
    long DataOffset,
    ushort LocalFlags,
    ushort LocalMethod,
    uint LocalCrc32,
    long LocalCompressedSize,
    long LocalUncompressedSize,
    string LocalName,
    bool HasZip64Extra)
{
    public int UnixMode => (int)(ExternalAttributes >> 16);
}

/// <summary>
/// Reads a zip's structure exactly as written — central directory, each local header, the archive comment — which
/// is what PyPI's upload checks look at and what System.IO.Compression does not expose (flags, local sizes).
/// Entry data is decompressed as a stream, never loaded whole.
/// </summary>
public sealed class ZipReader : IDisposable
{
    private const uint EndSignature = 0x06054b50;
    private const uint CentralSignature = 0x02014b50;
    private const uint LocalSignature = 0x04034b50;
    private const ushort Zip64ExtraId = 0x0001;

    private readonly FileStream _file;

    private ZipReader(FileStream file, IReadOnlyList<ZipEntryRecord> entries, int commentLength)
    {
        _file = file;
        Entries = entries;
        CommentLength = commentLength;
    }

    public IReadOnlyList<ZipEntryRecord> Entries { get; }

    public int CommentLength { get; }

    public static ZipReader Open(string path)
    {
        var file = File.OpenRead(path);
        try
        {
            var (count, directoryOffset, directorySize, commentLength) = ReadEnd(path, file);
            var directory = ReadAt(file, directoryOffset, directorySize) ?? throw CrossdockException.ForFile(path, "central directory runs past the end of the file");
            var entries = new List<ZipEntryRecord>();
            var offset = 0;
            for (var i = 0; i < count; i++)
            {
                if (offset + 46 > directory.Length || BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(offset)) != CentralSignature)
                {
                    throw CrossdockException.ForFile(path, $"central directory entry {i} is malformed");
                }
                var c = directory.AsSpan(offset);
                var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(c[28..]);
                var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(c[30..]);
                var entryCommentLength = BinaryPrimitives.ReadUInt16LittleEndian(c[32..]);
                if (offset + 46 + nameLength + extraLength + entryCommentLength > directory.Length) throw CrossdockException.ForFile(path, $"central directory entry {i} is truncated");
                var flags = BinaryPrimitives.ReadUInt16LittleEndian(c[8..]);
                var nameBytes = c.Slice(46, nameLength);
                var extra = c.Slice(46 + nameLength, extraLength);
                var localOffset = BinaryPrimitives.ReadUInt32LittleEndian(c[42..]);
                var (localFlags, localMethod, localCrc, localCompressed, localUncompressed, localName, dataOffset) = ReadLocal(path, file, localOffset);
                entries.Add(new ZipEntryRecord(
                    Decode(nameBytes, flags),
                    (flags & (1 << 11)) != 0 || nameBytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7f) < 0,
                    flags,
                    BinaryPrimitives.ReadUInt16LittleEndian(c[10..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(c[16..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(c[20..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(c[24..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(c[38..]),
                    localOffset,
                    dataOffset,
                    localFlags,
                    localMethod,
                    localCrc,
                    localCompressed,
                    localUncompressed,
                    localName,
                    HasExtra(extra, Zip64ExtraId)));
                offset += 46 + nameLength + extraLength + entryCommentLength;
            }
            return new ZipReader(file, entries, commentLength);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The entry's uncompressed bytes as a stream (STORED or DEFLATED).</summary>
    public Stream OpenEntry(ZipEntryRecord entry)
    {
        var data = new SubStream(_file, entry.DataOffset, entry.CompressedSize);
        return entry.Method switch
        {
            0 => data,
            8 => new DeflateStream(data, CompressionMode.Decompress),
            _ => throw new InvalidDataException($"{entry.Name}: compression method {entry.Method} is not supported"),
        };
    }

    public void Dispose() => _file.Dispose();

    private static (int Count, long Offset, int Size, int CommentLength) ReadEnd(string path, FileStream file)
    {
        // The end record is 22 bytes plus a comment of up to 64 KiB; search backwards for its signature.
        var tailLength = (int)Math.Min(file.Length, 22 + ushort.MaxValue);
        var tail = ReadAt(file, file.Length - tailLength, tailLength)!;
        for (var i = tail.Length - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != EndSignature) continue;
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 20));
            if (i + 22 + commentLength != tail.Length) continue;
            return (BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10)),
                BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i + 16)),
                (int)BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i + 12)),
                commentLength);
        }
        throw CrossdockException.ForFile(path, "is not a zip file (no end-of-central-directory record)");
    }

    private static (ushort Flags, ushort Method, uint Crc, long Compressed, long Uncompressed, string Name, long DataOffset) ReadLocal(string path, FileStream file, long offset)
    {
        var header = ReadAt(file, offset, 30);
        if (header is null || BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalSignature)
        {
            throw CrossdockException.ForFile(path, $"no local file header at byte {offset}");
        }
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(6));
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26));
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        var name = ReadAt(file, offset + 30, nameLength) ?? throw CrossdockException.ForFile(path, $"local header at byte {offset} is truncated");
        return (flags,
            BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8)),
            BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(14)),
            BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(18)),
            BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(22)),
            Decode(name, flags),
            offset + 30 + nameLength + extraLength);
    }

    private static bool HasExtra(ReadOnlySpan<byte> extra, ushort id)
    {
        for (var i = 0; i + 4 <= extra.Length;)
        {
            if (BinaryPrimitives.ReadUInt16LittleEndian(extra[i..]) == id) return true;
            i += 4 + BinaryPrimitives.ReadUInt16LittleEndian(extra[(i + 2)..]);
        }
        return false;
    }

    /// <summary>Names are UTF-8 when flag bit 11 says so; otherwise CP437, which matches ASCII for ASCII names.</summary>
    private static string Decode(ReadOnlySpan<byte> name, ushort flags) =>
        (flags & (1 << 11)) != 0 ? Encoding.UTF8.GetString(name) : Encoding.Latin1.GetString(name);

    private static byte[]? ReadAt(FileStream file, long offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > file.Length) return null;
        var buffer = new byte[count];
        file.Position = offset;
        file.ReadExactly(buffer);
        return buffer;
    }
}
