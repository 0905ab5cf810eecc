namespace Crossdock.Core.Publishing;

/// <summary>
/// Where a publish run reports what it does: whole lines, and live progress for each transfer. Every line goes
/// through <paramref name="mask"/> first, so a server message that quotes a credential is scrubbed here, once.
/// </summary>
public sealed class PublishOutput(TextWriter writer, bool isTerminal, Func<string, string> mask)
{
    private bool _statusShown;

    public void Line(string text)
    {
        ClearStatus();
        writer.WriteLine(mask(text));
    }

    /// <summary>
    /// What is happening right now ("publishing X..."): on a terminal one line redrawn in place until the next
    /// <see cref="Line"/> replaces it; in a log nothing, because the result line follows anyway.
    /// </summary>
    public void Status(string text)
    {
        if (!isTerminal) return;
        writer.Write($"\r{mask(text)}\u001b[K");
        writer.Flush();
        _statusShown = true;
    }

    public TransferProgress Transfer(string label, long total) => new(writer, isTerminal, label, total);

    private void ClearStatus()
    {
        if (!_statusShown) return;
        writer.Write("\r\u001b[2K");
        _statusShown = false;
    }
}
