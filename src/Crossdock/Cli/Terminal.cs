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
}
