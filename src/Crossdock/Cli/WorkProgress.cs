using Spectre.Console;

namespace Crossdock.Cli;

/// <summary>
/// A progress bar per item of work (a target's binaries being packed, an artifact being checked), in bytes, that
/// disappears when the work is done; without <c>show</c> the work just runs. The work reports from any thread.
/// </summary>
internal static class WorkProgress
{
    /// <param name="items">Each bar's label and how many bytes make it full.</param>
    /// <param name="work">Gets the reporter (item index, bytes done since the last report), or null when nothing shows.</param>
    public static T Run<T>(CliContext context, bool show, IReadOnlyList<(string Label, long Bytes)> items, Func<Action<int, long>?, T> work)
    {
        if (!show) return work(null);
        return Terminal.For(context).Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var bars = items.Select(i => progress.AddTask(Markup.Escape(i.Label), maxValue: Math.Max(1, i.Bytes))).ToArray();
                return work((index, bytes) => bars[index].Increment(bytes));
            });
    }
}
