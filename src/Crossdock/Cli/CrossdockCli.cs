using System.CommandLine;
using Crossdock.Core;

namespace Crossdock.Cli;

/// <summary>Builds the command tree and turns failures into one stderr line and an exit code.</summary>
public static class CrossdockCli
{
    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("Turn per-platform native binaries into correctly tagged PyPI wheels and npm packages.");
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(InspectCommand.Create(context));
        root.Subcommands.Add(PackCommand.Create(context));
        root.Subcommands.Add(AssembleCommand.Create(context));
        root.Subcommands.Add(VerifyCommand.Create(context));
        root.Subcommands.Add(PublishCommand.Create(context));
        root.Subcommands.Add(GenerateCommand.Create(context));

        var parse = root.Parse(args);
        var usageError = parse.Errors.Count > 0 ? parse.Errors[0].Message : UnknownOption(parse);
        if (usageError is not null)
        {
            context.Error.WriteLine($"crossdock: {usageError} (see '{("crossdock " + CommandPath(parse)).Trim()} --help')");
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
    /// System.CommandLine hands an unknown "--flag" to a variadic FILE argument; a typo'd option must be a
    /// usage error, not a "no such file". (A file really named like an option can be passed as ./-name.)
    /// </summary>
    private static string? UnknownOption(ParseResult parse) =>
        parse.Tokens
            .Where(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && t.Value.Length > 1 && t.Value[0] == '-')
            .Select(t => $"Unrecognized option '{t.Value}'.")
            .FirstOrDefault();

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }
        return string.Join(' ', names).Trim();
    }
}
