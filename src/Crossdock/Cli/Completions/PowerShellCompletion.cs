using System.Text;

namespace Crossdock.Cli.Completions;

/// <summary>
/// The PowerShell script: a native argument completer holding the command tree as hashtables, and the same
/// walk the other shells do. Returning nothing lets PowerShell complete paths (binaries, folders).
/// </summary>
internal static class PowerShellCompletion
{
    public static string Write(CompletionCommand root, string version)
    {
        var commands = new StringBuilder();
        foreach (var command in root.SelfAndDescendants())
        {
            commands.Append($"        {Quote(command.Path)} = @{{\n");
            commands.Append($"            Subcommands = [ordered]@{{{string.Join("; ", command.Subcommands.Select(s => $"{Quote(s.Name)} = {Quote(s.Description)}"))}}}\n");
            commands.Append($"            Options = [ordered]@{{{string.Join("; ", command.Options.SelectMany(o => o.Names.Select(n => $"{Quote(n)} = {Quote(o.Description)}")))}}}\n");
            commands.Append($"            Values = @{{{string.Join("; ", command.Options.Where(o => o.TakesValue).SelectMany(o => o.Names.Select(n => $"{Quote(n)} = {Array(o.Values)}")))}}}\n");
            commands.Append($"            Arguments = {Array(command.Argument?.Values ?? [])}\n");
            commands.Append("        }\n");
        }
        return CompletionScripts.Fill("completion.ps1", version, ("commands", commands.ToString()));
    }

    private static string Array(IEnumerable<string> values) => $"@({string.Join(", ", values.Select(Quote))})";

    /// <summary>A single-quoted PowerShell string: a quote inside is doubled.</summary>
    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
