using System.CommandLine;
using Crossdock.Cli.Completions;
using Crossdock.Core;

namespace Crossdock.Cli;

/// <summary><c>crossdock completions SHELL</c>: a completion script for bash, zsh, fish or PowerShell, generated from the command tree.</summary>
internal static class CompletionsCommand
{
    public static Command Create(CliContext context)
    {
        var shell = CommonOptions.OneOf(new Argument<string>("SHELL") { Description = $"The shell: {string.Join(", ", CompletionScripts.Shells)}", HelpName = "SHELL" }, [.. CompletionScripts.Shells]);
        var command = new Command("completions", "Print a completion script for bash, zsh, fish, PowerShell") { shell };
        command.SetAction(parse =>
        {
            var root = parse.RootCommandResult.Command;
            context.Out.Write(CompletionScripts.For(parse.GetRequiredValue(shell), root, CrossdockVersion.Current));
            return ExitCodes.Success;
        });
        return command;
    }
}
