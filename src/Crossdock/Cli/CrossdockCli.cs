using System.CommandLine;
using System.CommandLine.Help;
using Crossdock.Core;

namespace Crossdock.Cli;

/// <summary>Builds the command tree and turns failures into one stderr line and an exit code.</summary>
public static class CrossdockCli
{
    public static int Run(string[] args, CliContext context)
    {
        var root = Build(context);
        // "crossdock help pack", as git and cargo take it, is "crossdock pack --help".
        if (args is ["help", .. var rest]) args = [.. rest, "--help"];
        var parse = root.Parse(args);
        if (UsageErrors.Describe(parse) is { } usageError)
        {
            context.Error.WriteLine($"crossdock: {usageError}");
            return ExitCodes.Usage;
        }
        if (UsageErrors.NeedsSubcommand(parse))
        {
            // "crossdock" or "crossdock publish" alone: the help, where the user looks for the next word (exit 2, like clap).
            ShowHelp(root, parse.CommandResult.Command, context.Error);
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null, // Ctrl-C is handled by CliContext, which lets writers clean up
            });
        }
        catch (CrossdockException e)
        {
            context.Error.WriteLine($"crossdock: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file system refused something (disk full, permissions, a file vanished): one line, no trace.
            context.Error.WriteLine($"crossdock: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            context.Error.WriteLine("crossdock: cancelled; nothing partial was left behind");
            return ExitCodes.Cancelled;
        }
        catch (OperationCanceledException e)
        {
            // Not Ctrl-C: an HTTP client gave up waiting.
            context.Error.WriteLine($"crossdock: timed out: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A case no check anticipated must still be one line, never a stack trace.
            context.Error.WriteLine($"crossdock: unexpected {e.GetType().Name}: {e.Message} (please report this)");
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// The command tree, in the order a release uses the commands; help ends with each command's examples. The
    /// root is a plain command named crossdock (a RootCommand takes the executable's file name, which under a
    /// test host or a renamed binary is not what users type), with the help and version options RootCommand adds.
    /// </summary>
    internal static Command Build(CliContext context)
    {
        var root = new Command("crossdock", "Ship a native command-line tool to PyPI and npm from the binaries your CI build matrix makes")
        {
            new HelpOption(),
            new VersionOption(),
            InitCommand.Create(context),
            InspectCommand.Create(context),
            PackCommand.Create(context),
            AssembleCommand.Create(context),
            VerifyCommand.Create(context),
            PublishCommand.Create(context),
            GenerateCommand.Create(context),
            TargetsCommand.Create(context),
            CompletionsCommand.Create(context),
        };
        // Redirected output has no width: never wrap (the standard help measures the console only when it is one).
        ExamplesHelpAction.Install(root, context.OutputIsTerminal ? TerminalWidth() : int.MaxValue);
        return root;
    }

    private static void ShowHelp(Command root, Command command, TextWriter output)
    {
        var path = HelpExamples.Key(command);
        var words = path.Length == 0 ? [] : path.Split(' ');
        root.Parse([.. words, "--help"]).Invoke(new InvocationConfiguration { Output = output, Error = output });
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : int.MaxValue;
        }
        catch (IOException)
        {
            return int.MaxValue;
        }
    }
}
