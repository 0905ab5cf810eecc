namespace Crossdock.Archives;

/// <summary>
/// A write-only stream that copies everything to a primary stream and, until detached, a secondary one:
/// how one DEFLATE pass feeds both the wheel and the npm tarball.
/// </summary>
public sealed class TeeStream(Stream primary, Stream secondary) : Stream
{
    private Stream? _secondary = secondary;

    /// <summary>From now on only the primary stream receives writes.</summary>
    public void DetachSecondary() => _secondary = null;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        primary.Write(buffer);
        _secondary?.Write(buffer);
    }

    public override void Flush()
    {
        primary.Flush();
        _secondary?.Flush();
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
