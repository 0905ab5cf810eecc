using System.Text;

namespace Crossdock.Cli.Completions;

/// <summary>
/// The bash script: one function that finds the subcommand path typed so far, then offers that command's
/// options, subcommands, or the values of the option before the cursor. Free values and files fall back to
/// bash's own file-name completion (<c>complete -o default</c>).
/// </summary>
internal static class BashCompletion
{
    public static string Write(CompletionCommand root, string version)
    {
        var commands = root.SelfAndDescendants().ToList();
        var walk = new StringBuilder();
        foreach (var command in commands)
        {
            foreach (var sub in command.Subcommands) walk.Append($"            {Quote($"{command.Path}|{sub.Name}")}) path={Quote(sub.Path)} ;;\n");
        }
        foreach (var command in commands.Where(c => c.ValueOptionNames.Any()))
        {
            walk.Append($"            {Patterns(command, command.ValueOptionNames)}) skip=1 ;;\n");
        }

        var values = new StringBuilder();
        foreach (var command in commands)
        {
            foreach (var option in command.Options.Where(o => o.TakesValue && o.Values.Length > 0))
            {
                values.Append($"        {Patterns(command, option.Names)}) __crossdock_reply {Quote(string.Join(' ', option.Values))}; return ;;\n");
            }
            var free = command.Options.Where(o => o.TakesValue && o.Values.Length == 0).SelectMany(o => o.Names).ToList();
            if (free.Count > 0) values.Append($"        {Patterns(command, free)}) return ;;\n");
        }

        var cases = new StringBuilder();
        foreach (var command in commands)
        {
            var words = command.Subcommands.Length > 0 ? command.Subcommands.Select(s => s.Name) : command.Argument?.Values ?? [];
            cases.Append($"        {Quote(command.Path)})\n");
            cases.Append($"            if [[ $cur == -* ]]; then\n");
            cases.Append($"                __crossdock_reply {Quote(string.Join(' ', command.Options.SelectMany(o => o.Names)))}\n");
            if (words.Any())
            {
                cases.Append($"            else\n");
                cases.Append($"                __crossdock_reply {Quote(string.Join(' ', words))}\n");
            }
            cases.Append($"            fi\n");
            cases.Append($"            ;;\n");
        }

        return CompletionScripts.Fill("completion.bash", version, ("walk-cases", walk.ToString()), ("value-cases", values.ToString()), ("command-cases", cases.ToString()));
    }

    /// <summary>"'pack|--config' | 'pack|--out'": the case patterns of <paramref name="names"/> after <paramref name="command"/>.</summary>
    private static string Patterns(CompletionCommand command, IEnumerable<string> names) =>
        string.Join(" | ", names.Select(n => Quote($"{command.Path}|{n}")));

    /// <summary>A single-quoted bash word: nothing inside is expanded.</summary>
    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
