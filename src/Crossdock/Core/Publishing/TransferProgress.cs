using System.Diagnostics;

namespace Crossdock.Core.Publishing;

/// <summary>
/// Shows how far one upload has gone. On a terminal: one line redrawn in place (percent and bytes) at most ten
/// times a second, erased when the upload ends so that the caller's result line takes its place. Redirected
/// (a CI log): nothing for small files, and a plain line at each quarter for large ones, so a long upload shows
/// it is alive without flooding the log.
/// </summary>
public sealed class TransferProgress(TextWriter output, bool isTerminal, string label, long total) : IProgress<long>
{
    /// <summary>Files from this size on get progress lines in a log.</summary>
    public const long LargeFile = 8 << 20;

    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);
    private readonly Stopwatch _sinceRedraw = Stopwatch.StartNew();
    private int _lastQuarter;
    private bool _drawn;

    public void Report(long value)
    {
        var sent = Math.Clamp(value, 0, total);
        if (isTerminal)
        {
            if (_drawn && sent < total && _sinceRedraw.Elapsed < RedrawInterval) return;
            output.Write($"\r{label}: {Percent(sent),3}% {Size(sent)} of {Size(total)}\u001b[K");
            output.Flush();
            _drawn = true;
            _sinceRedraw.Restart();
            return;
        }
        var quarter = total == 0 ? 4 : (int)(sent * 4 / total);
        if (total < LargeFile || quarter <= _lastQuarter) return;
        _lastQuarter = quarter;
        output.WriteLine($"{label}: {quarter * 25}% sent ({Size(sent)} of {Size(total)})");
    }

    /// <summary>Ends the transfer: on a terminal, erases the progress line.</summary>
    public void Complete()
    {
        if (!isTerminal || !_drawn) return;
        output.Write("\r\u001b[2K");
        output.Flush();
        _drawn = false;
    }

    public static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / 1048576.0:0.0} MB" : $"{bytes / 1024.0:0.0} kB";

    private int Percent(long sent) => total == 0 ? 100 : (int)(sent * 100 / total);
}
