using System.IO.Compression;

namespace Crossdock.Archives;

/// <summary>
/// The one DEFLATE configuration crossdock uses for wheels and npm tarballs. .NET's compression is zlib-ng;
/// level 6 is zlib's default, the level Python's zipfile and npm's tar use, so sizes stay comparable
/// (the benchmark in bench/ reports both).
/// </summary>
public static class DeflateSettings
{
    public const int Level = 6;

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
