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

    /// <summary>
    /// The same for work done item by item by readers that report no bytes (checking an artifact, hashing a file):
    /// each bar fills at once when its item is done.
    /// </summary>
    /// <param name="work">Gets the reporter (the index of an item done), or null when nothing shows.</param>
    public static T RunByItem<T>(CliContext context, bool show, IReadOnlyList<(string Label, long Bytes)> items, Func<Action<int>?, T> work) =>
        Run(context, show, items, report => work(report is null ? null : index => report(index, Math.Max(1, items[index].Bytes))));
}
