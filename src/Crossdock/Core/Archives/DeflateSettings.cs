using System.IO.Compression;

namespace Crossdock.Core.Archives;

/// <summary>
/// The one DEFLATE configuration crossdock uses for wheels and npm tarballs. .NET's compression is zlib-ng, whose
/// level 6 comes out about 1 % larger than classic zlib's 6 (what `python -m wheel pack` uses) and 9 (what
/// `npm pack` uses) on program code; level 7 matches them (bench/results.md) at roughly 1.5x the CPU of 6, which
/// crossdock can afford because it compresses each binary once for both packages.
/// </summary>
public static class DeflateSettings
{
    public const int Level = 7;

    /// <summary>
    /// An empty final block (fixed Huffman codes, end of block at once): what ends a DEFLATE stream after a
    /// sync-flushed fragment, and what zlib itself writes when such a stream is finished.
    /// </summary>
    public static ReadOnlySpan<byte> FinalEmptyBlock => [0x03, 0x00];

    public static DeflateStream Create(Stream output, bool leaveOpen = true) =>
        new(output, new ZLibCompressionOptions { CompressionLevel = Level, CompressionStrategy = ZLibCompressionStrategy.Default }, leaveOpen);

    /// <summary>
    /// Compresses <paramref name="data"/> as a DEFLATE fragment that ends on a byte boundary without a final block
    /// (a sync flush), so more fragments can follow it in the same stream — the same trick pigz uses.
    /// With <paramref name="final"/> the fragment ends the stream instead.
    /// </summary>
    public static byte[] Fragment(ReadOnlySpan<byte> data, bool final)
    {
        using var buffer = new MemoryStream();
        using (var deflate = Create(buffer))
        {
            deflate.Write(data);
            if (!final)
            {
                deflate.Flush(); // Z_SYNC_FLUSH: everything so far, then an empty stored block (00 00 ff ff)
                return buffer.ToArray(); // the final block Dispose adds is not part of this fragment
            }
        }
        return buffer.ToArray();
    }
}
