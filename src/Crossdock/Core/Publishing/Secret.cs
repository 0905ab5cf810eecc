namespace Crossdock.Core.Publishing;

/// <summary>
/// A token or password. It never prints itself (ToString gives "***"), and <see cref="Mask"/> scrubs it from any
/// text — server replies, child-process output, exception messages — before that text reaches a log.
/// </summary>
public sealed class Secret(string value)
{
    public string Reveal() => value;

    public string Mask(string text) => value.Length == 0 ? text : text.Replace(value, "***", StringComparison.Ordinal);

    public override string ToString() => "***";
}
