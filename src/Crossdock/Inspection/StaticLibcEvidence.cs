using System.Buffers;
using Crossdock.Core.Targets;

namespace Crossdock.Inspection;

/// <summary>
/// Decides the libc of a fully static Linux program, which has no interpreter or DT_NEEDED to go by.
/// glibc's start files add a <c>.note.ABI-tag</c> and its code carries strings such as "GLIBC_PRIVATE";
/// musl's <c>strerror</c> table carries "No error information", which glibc never uses. A program with
/// neither (Go with CGO off, Zig without libc) needs no libc at all.
/// </summary>
internal static class StaticLibcEvidence
{
    private static readonly byte[][] GlibcMarkers = ["GLIBC_PRIVATE"u8.ToArray(), "glibc-ld.so.cache"u8.ToArray()];
    private static readonly byte[][] MuslMarkers = ["No error information"u8.ToArray(), "/lib/ld-musl-"u8.ToArray()];
    private const int ChunkSize = 1 << 20;

    public static Libc? Decide(bool hasGnuAbiTag, Stream stream)
    {
        if (hasGnuAbiTag) return Libc.Gnu;
        var (glibc, musl) = Scan(stream);
        return glibc ? Libc.Gnu : musl ? Libc.Musl : null;
    }

    /// <summary>
    /// Streams the file in 1 MiB chunks (an overlap keeps a marker split across chunks findable) and stops at the
    /// first chunk holding any marker: a static glibc program was already recognised by its ABI-tag note, so here
    /// the first marker decides, and most binaries are not read to the end. (Within that chunk a glibc marker wins:
    /// GLIBC_PRIVATE only exists where glibc itself was linked in.)
    /// </summary>
    private static (bool Glibc, bool Musl) Scan(Stream stream)
    {
        var overlap = GlibcMarkers.Concat(MuslMarkers).Max(m => m.Length) - 1;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize + overlap);
        try
        {
            stream.Position = 0;
            bool glibc = false, musl = false;
            var carried = 0;
            int read;
            while ((read = stream.Read(buffer, carried, ChunkSize)) > 0)
            {
                var window = buffer.AsSpan(0, carried + read);
                glibc |= ContainsAny(window, GlibcMarkers);
                musl |= ContainsAny(window, MuslMarkers);
                if (glibc || musl) break;
                carried = Math.Min(overlap, window.Length);
                window[^carried..].CopyTo(buffer);
            }
            return (glibc, musl);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool ContainsAny(ReadOnlySpan<byte> window, byte[][] markers)
    {
        foreach (var marker in markers)
        {
            if (window.IndexOf(marker) >= 0) return true;
        }
        return false;
    }
}
