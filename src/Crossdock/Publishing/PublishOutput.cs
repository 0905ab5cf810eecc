namespace Crossdock.Publishing;

/// <summary>
/// Where a publish run reports what it does: whole lines, and live progress for each transfer. Every line goes
/// through <paramref name="mask"/> first, so a server message that quotes a credential is scrubbed here, once.
/// </summary>
public sealed class PublishOutput(TextWriter writer, bool isTerminal, Func<string, string> mask)
{
    public void Line(string text) => writer.WriteLine(mask(text));

    public TransferProgress Transfer(string label, long total) => new(writer, isTerminal, label, total);
}
