namespace Crossdock.Core.Archives;

/// <summary>
/// A write-only stream that copies everything to several streams: how one DEFLATE pass feeds every archive that
/// holds the same file (the wheel, the npm tarball, ...).
/// </summary>
public sealed class FanOutStream(IReadOnlyList<Stream> outputs) : Stream
{
    private IReadOnlyList<Stream> _outputs = outputs;

    /// <summary>From now on writes go nowhere (what a compressor writes when disposed is not wanted).</summary>
    public void Detach() => _outputs = [];

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        foreach (var output in _outputs) output.Write(buffer);
    }

    public override void Flush()
    {
        foreach (var output in _outputs) output.Flush();
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
