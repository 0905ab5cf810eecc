using System.Collections.Immutable;
using System.CommandLine;
using Crossdock.Core.Text;

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

    /// <summary>A shell's script: its embedded template (<c>Resources/completion.SHELL</c>) with the generated blocks filled in.</summary>
    internal static string Fill(string template, string version, params (string Name, string Text)[] blocks)
    {
        var values = blocks.ToDictionary(b => b.Name, b => b.Text, StringComparer.Ordinal);
        values["crossdock-version"] = version;
        return TemplateText.Fill(EmbeddedText.Read(template), values);
    }
}
