using Spectre.Console;

namespace Crossdock.Cli;

/// <summary>Spectre.Console bound to a command's output: colours on a terminal, plain text when redirected.</summary>
internal static class Terminal
{
    public static IAnsiConsole For(CliContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Ansi = context.OutputIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = context.OutputIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = context.OutputIsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Redirected output has no width; don't squeeze tables into 80 columns, nor wrap a long wheel tag.
        if (!context.OutputIsTerminal) console.Profile.Width = 1000;
        return console;
    }

    /// <summary>
    /// Whether a command shows its work (progress bars, then a table): only for a person at a terminal. Redirected
    /// output, --json and CI (whose logs keep every redraw of a bar) get the one-line summary instead.
    /// </summary>
    public static bool ShowsWork(CliContext context, bool json) =>
        context.OutputIsTerminal && !json && !IsTrue(context.Environment("CI"));

    private static bool IsTrue(string? value) => value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>A size as people read it, in the binary units the progress bars count in: 35.8 MiB, 12.0 KiB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.00} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MiB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.0} KiB",
        _ => $"{bytes} B",
    };

    public static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.00} s";

    /// <summary>"1 wheel", "8 wheels".</summary>
    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
