using System.Security.Cryptography;

namespace Crossdock.Core.Archives;

/// <summary>
/// Compresses a file once for every archive that holds it, on every core, pigz-style: the file is cut into fixed
/// 1 MiB chunks (<see cref="DeflateChunk"/>: fixed, not per core, so the bytes are the same at any --jobs), each
/// compressed on a worker into a sync-flushed fragment, and the fragments written in order to every entry's archive
/// at once. SHA-256 is computed here in one streaming pass as chunks are read; CRC-32 is combined from the chunks'.
/// Memory is the workers' chunk buffers, whatever the file's size.
/// </summary>
public static class SharedDeflate
{
    public const int ChunkSize = ChunkBuffers.ChunkSize;

    /// <summary>
    /// Reads <paramref name="path"/> once into every entry; fails if the file is not <paramref name="expectedSize"/>
    /// bytes. <paramref name="read"/> hears of every chunk read (its size), for a progress bar.
    /// </summary>
    public static SplicedContent Compress(string path, long expectedSize, IReadOnlyList<ISplicedEntry> entries, DeflateWorkers workers, Action<long>? read, CancellationToken cancellation)
    {
        using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var outputs = entries.Select(e => e.Output).ToArray();
        var pending = new Queue<DeflateChunk>();
        uint crc = 0;
        long size = 0;

        void WriteOldest()
        {
            var chunk = pending.Dequeue();
            try
            {
                chunk.Wait();
                foreach (var output in outputs) output.Write(chunk.Fragment);
                crc = Crc32Combine.Combine(crc, chunk.Crc32, chunk.Length);
            }
            finally
            {
                workers.Return(chunk.Buffers);
            }
        }

        // Never block for buffers while holding some: write our own oldest fragment instead, which frees one
        // (targets packed together share the buffers, and one waiting on another's would deadlock).
        ChunkBuffers RentBuffers()
        {
            while (true)
            {
                if (workers.TryRent(out var buffers)) return buffers;
                if (pending.Count == 0) return workers.Rent(cancellation);
                WriteOldest();
            }
        }

        try
        {
            var tail = new byte[ChunkBuffers.Window];
            var tailLength = 0;
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                var buffers = RentBuffers();
                int length;
                try
                {
                    length = source.ReadAtLeast(DeflateChunk.DataOf(buffers), ChunkSize, throwOnEndOfStream: false);
                }
                catch
                {
                    workers.Return(buffers);
                    throw;
                }
                if (length == 0)
                {
                    workers.Return(buffers);
                    break;
                }
                tail.AsSpan(ChunkBuffers.Window - tailLength).CopyTo(buffers.Input.AsSpan(ChunkBuffers.Window - tailLength));
                var chunk = new DeflateChunk(buffers, tailLength, length);
                pending.Enqueue(chunk);
                workers.Run(chunk.Compress);
                // While the worker compresses the chunk (it only reads it): the digest and the next chunk's prime.
                var data = DeflateChunk.DataOf(buffers)[..length];
                sha256.AppendData(data);
                size += length;
                tailLength = Math.Min(ChunkBuffers.Window, length);
                data[^tailLength..].CopyTo(tail.AsSpan(ChunkBuffers.Window - tailLength));
                read?.Invoke(length);
                while (pending.Count > 0 && pending.Peek().IsDone) WriteOldest();
                if (length < ChunkSize) break;
            }
            while (pending.Count > 0) WriteOldest();
        }
        finally
        {
            // On failure or Ctrl-C: let the workers finish what they hold before their buffers go back.
            foreach (var chunk in pending)
            {
                try { chunk.Wait(); } catch (InvalidOperationException) { }
                workers.Return(chunk.Buffers);
            }
        }
        if (size != expectedSize)
        {
            throw CrossdockException.ForFile(path, $"changed while being packed ({expectedSize} bytes planned, {size} read)");
        }
        var content = new SplicedContent(size, crc, sha256.GetHashAndReset());
        foreach (var entry in entries) entry.End(content);
        return content;
    }
}
