using System.Collections.Immutable;
using System.CommandLine;

namespace Crossdock.Cli.Completions;

/// <summary>The shells crossdock writes completion scripts for, each generated from the same command tree.</summary>
internal static class CompletionScripts
{
    public static ImmutableArray<string> Shells { get; } = ["bash", "zsh", "fish", "powershell"];

    public static string For(string shell, Command root, string version)
    {
        var tree = CompletionCommand.From(root);
        return shell switch
        {
            "bash" => BashCompletion.Write(tree, version),
            "zsh" => ZshCompletion.Write(tree, version),
            "fish" => FishCompletion.Write(tree, version),
            "powershell" => PowerShellCompletion.Write(tree, version),
            _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "not a shell crossdock completes"),
        };
    }
}
