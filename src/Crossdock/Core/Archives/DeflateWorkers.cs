using System.Collections.Concurrent;

namespace Crossdock.Core.Archives;

/// <summary>
/// The cores a pack run compresses on, shared by every binary being packed: <see cref="Count"/> dedicated threads
/// (not the thread pool, whose threads the targets' own loops block while they wait for their chunks) and twice
/// as many chunk buffers, so memory is bounded by chunk size × workers whatever the binaries' sizes or number.
/// </summary>
public sealed class DeflateWorkers : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();
    private readonly BlockingCollection<ChunkBuffers> _free = new();
    private readonly Thread[] _threads;

    public DeflateWorkers(int count)
    {
        Count = Math.Max(1, count);
        // One buffer set being compressed per worker, and one more per worker being read or waiting to be written.
        for (var i = 0; i < 2 * Count; i++) _free.Add(new ChunkBuffers());
        _threads = [.. Enumerable.Range(0, Count).Select(i => new Thread(Work) { IsBackground = true, Name = $"deflate-{i}" })];
        foreach (var thread in _threads) thread.Start();
    }

    public int Count { get; }

    internal bool TryRent(out ChunkBuffers buffers) => _free.TryTake(out buffers!);

    internal ChunkBuffers Rent(CancellationToken cancellation) => _free.Take(cancellation);

    internal void Return(ChunkBuffers buffers) => _free.Add(buffers);

    internal void Run(Action work) => _work.Add(work);

    private void Work()
    {
        foreach (var work in _work.GetConsumingEnumerable()) work();
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        foreach (var thread in _threads) thread.Join();
        _work.Dispose();
        _free.Dispose();
    }
}

/// <summary>The memory one chunk needs: its input (with the previous chunk's last 32 KiB in front) and its fragment.</summary>
internal sealed class ChunkBuffers
{
    public const int ChunkSize = 1 << 20;
    public const int Window = 32 << 10; // DEFLATE's back-reference limit: all a chunk can use of what precedes it

    private byte[]? _input;
    private byte[]? _output;

    /// <summary>Allocated on first use: a run on one small binary never touches most of the buffers.</summary>
    public byte[] Input => _input ??= new byte[Window + ChunkSize];

    /// <summary>Room for the worst case, stored blocks of incompressible data (5 bytes per 16 KiB) and the flushes.</summary>
    public byte[] Output => _output ??= new byte[Window + ChunkSize + (Window + ChunkSize) / 1024 + 1024];
}
