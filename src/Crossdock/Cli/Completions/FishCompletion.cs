using System.Text;

namespace Crossdock.Cli.Completions;

/// <summary>
/// The fish script: a helper that finds the subcommand path typed so far, then one <c>complete</c> line per
/// subcommand, option and argument, each under the condition that the line is at its command.
/// </summary>
internal static class FishCompletion
{
    public static string Write(CompletionCommand root, string version)
    {
        var commands = root.SelfAndDescendants().ToList();
        var walk = new StringBuilder();
        foreach (var command in commands)
        {
            foreach (var sub in command.Subcommands)
            {
                walk.Append($"            case {Quote($"{command.Path}|{sub.Name}")}\n");
                walk.Append($"                set path {Quote(sub.Path)}\n");
            }
        }
        foreach (var command in commands.Where(c => c.ValueOptionNames.Any()))
        {
            walk.Append($"            case {string.Join(' ', command.ValueOptionNames.Select(n => Quote($"{command.Path}|{n}")))}\n");
            walk.Append("                set skip 1\n");
        }

        var lines = new StringBuilder();
        foreach (var command in commands)
        {
            var at = $"-n {Quote($"__crossdock_at {Quote(command.Path)}")}";
            foreach (var sub in command.Subcommands)
            {
                lines.Append($"complete -c crossdock {at} -a {Quote(sub.Name)} -d {Quote(sub.Description)}\n");
            }
            foreach (var option in command.Options)
            {
                var names = string.Join(' ', option.Names.Select(n => n.StartsWith("--", StringComparison.Ordinal) ? $"-l {n[2..]}" : $"-s {n[1..]}"));
                var value = !option.TakesValue ? ""
                    : option.Values.Length > 0 ? $" -x -a {Quote(string.Join(' ', option.Values))}"
                    : " -r -F";
                lines.Append($"complete -c crossdock {at} {names}{value} -d {Quote(option.Description)}\n");
            }
            if (command.Argument is { } argument)
            {
                lines.Append(argument.Values.Length > 0
                    ? $"complete -c crossdock {at} -a {Quote(string.Join(' ', argument.Values))} -d {Quote(argument.Description)}\n"
                    : $"complete -c crossdock {at} -F\n");
            }
        }

        return CompletionScripts.Fill("completion.fish", version, ("walk-cases", walk.ToString()), ("completions", lines.ToString()));
    }

    /// <summary>A single-quoted fish word: only \ and ' are special inside.</summary>
    private static string Quote(string text) =>
        "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
