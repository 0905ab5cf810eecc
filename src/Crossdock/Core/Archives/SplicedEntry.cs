namespace Crossdock.Core.Archives;

/// <summary>What one pass over a file learnt about it: its size and the checksums archives and manifests need.</summary>
/// <param name="Sha256">For a wheel's RECORD (and every checksum file).</param>
/// <param name="Crc32">For zip headers.</param>
public sealed record SplicedContent(long Size, uint Crc32, byte[] Sha256);

/// <summary>
/// An archive entry whose data is a DEFLATE fragment compressed once for several archives (<see cref="SharedDeflate"/>):
/// the compressed bytes go straight to <see cref="Output"/>, and <see cref="End"/> closes the entry once the fragment
/// is complete, with the file's size and checksums (a gzip member combines the file's CRC-32 into its own).
/// </summary>
public interface ISplicedEntry
{
    /// <summary>The archive's own stream, where the fragment's bytes are written in order.</summary>
    Stream Output { get; }

    /// <summary>The fragment is written: finish the entry (a zip entry closes its DEFLATE stream and patches its header).</summary>
    void End(SplicedContent content);
}
