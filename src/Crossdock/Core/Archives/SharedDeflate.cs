using System.Buffers;
using System.IO.Hashing;
using System.Security.Cryptography;

namespace Crossdock.Core.Archives;

/// <summary>
/// Compresses a file once for every archive that holds it: each chunk read is hashed (SHA-256 and CRC-32), given
/// to every entry's running checksums, and compressed once into a DEFLATE fragment that ends with a sync flush,
/// written to every entry's archive at the same time. Memory stays at one chunk whatever the file's size.
/// </summary>
public static class SharedDeflate
{
    private const int ChunkSize = 1 << 20;

    /// <summary>Reads <paramref name="path"/> once into every entry; fails if the file is not <paramref name="expectedSize"/> bytes.</summary>
    public static SplicedContent Compress(string path, long expectedSize, IReadOnlyList<ISplicedEntry> entries, CancellationToken cancellation)
    {
        using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var crc = new Crc32();
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        long size = 0;
        try
        {
            var outputs = new FanOutStream([.. entries.Select(e => e.Output)]);
            using var deflate = DeflateSettings.Create(outputs);
            int read;
            while ((read = source.Read(buffer, 0, ChunkSize)) > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                var chunk = buffer.AsSpan(0, read);
                sha256.AppendData(chunk);
                crc.Append(chunk);
                foreach (var entry in entries) entry.Append(chunk);
                deflate.Write(chunk);
                size += read;
            }
            // Z_SYNC_FLUSH: the fragment ends byte-aligned without a final block, so each archive can continue
            // its own stream after it (or end it). The final block the compressor writes when disposed goes nowhere.
            deflate.Flush();
            outputs.Detach();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (size != expectedSize)
        {
            throw CrossdockException.ForFile(path, $"changed while being packed ({expectedSize} bytes planned, {size} read)");
        }
        var content = new SplicedContent(size, crc.GetCurrentHashAsUInt32(), sha256.GetHashAndReset());
        foreach (var entry in entries) entry.End(content);
        return content;
    }
}
