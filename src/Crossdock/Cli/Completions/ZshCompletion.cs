using System.Text;

namespace Crossdock.Cli.Completions;

/// <summary>
/// The zsh script: one <c>_arguments</c> function per command (<c>_crossdock_publish_npm</c>), options with
/// their descriptions and values; a command with subcommands hands the rest of the line to the chosen one.
/// </summary>
internal static class ZshCompletion
{
    public static string Write(CompletionCommand root, string version)
    {
        var functions = new StringBuilder();
        foreach (var command in root.SelfAndDescendants())
        {
            if (functions.Length > 0) functions.Append('\n');
            WriteFunction(functions, command);
        }
        return CompletionScripts.Fill("completion.zsh", version, ("functions", functions.ToString()));
    }

    private static void WriteFunction(StringBuilder script, CompletionCommand command)
    {
        var specs = command.Options.SelectMany(OptionSpecs).ToList();
        script.Append($"{FunctionName(command)}() {{\n");
        if (command.Subcommands.Length > 0)
        {
            script.Append("  local curcontext=\"$curcontext\" state state_descr line\n");
            script.Append("  typeset -A opt_args\n");
            specs.Add(Quote($"1: :{FunctionName(command)}_commands"));
            specs.Add(Quote("*:: :->subcommand"));
            script.Append("  _arguments -C \\\n");
            script.Append(string.Join(" \\\n", specs.Select(s => "    " + s))).Append('\n');
            script.Append("  case $state in\n");
            script.Append("    (subcommand)\n");
            script.Append("      curcontext=\"${curcontext%:*:*}:crossdock-$words[1]:\"\n");
            script.Append("      case $words[1] in\n");
            foreach (var sub in command.Subcommands) script.Append($"        ({sub.Name}) {FunctionName(sub)} ;;\n");
            script.Append("      esac\n");
            script.Append("      ;;\n");
            script.Append("  esac\n");
            script.Append("}\n\n");
            script.Append($"{FunctionName(command)}_commands() {{\n");
            script.Append("  local -a commands\n");
            script.Append("  commands=(\n");
            foreach (var sub in command.Subcommands) script.Append($"    {Quote($"{sub.Name}:{sub.Description}")}\n");
            script.Append("  )\n");
            script.Append($"  _describe -t commands {Quote($"{Title(command)} command")} commands\n");
            script.Append("}\n");
            return;
        }
        if (command.Argument is { } argument)
        {
            var action = argument.Values.Length > 0 ? $"({string.Join(' ', argument.Values)})" : "_files";
            specs.Add(Quote($"{(argument.Repeats ? "*" : "1")}:{Escape(argument.Name)}:{action}"));
        }
        script.Append("  _arguments \\\n");
        script.Append(string.Join(" \\\n", specs.Select(s => "    " + s))).Append('\n');
        script.Append("}\n");
    }

    /// <summary>
    /// One <c>_arguments</c> spec per spelling: <c>'*--target=[description]:TRIPLE:(a b)'</c>. A long option's value
    /// may follow as the next word or after '=' (as System.CommandLine accepts both); a short one's as the next word.
    /// </summary>
    private static IEnumerable<string> OptionSpecs(CompletionOption option)
    {
        var description = $"[{Escape(option.Description)}]";
        foreach (var name in option.Names)
        {
            var repeat = option.Repeats ? "*" : "";
            if (!option.TakesValue)
            {
                yield return Quote($"{repeat}{name}{description}");
                continue;
            }
            var separator = name.StartsWith("--", StringComparison.Ordinal) ? "=" : "";
            var action = option.Values.Length > 0 ? $"({string.Join(' ', option.Values)})" : "_files";
            yield return Quote($"{repeat}{name}{separator}{description}:{Escape(option.ValueName)}:{action}");
        }
    }

    private static string FunctionName(CompletionCommand command) => command.Path.Length == 0 ? "_crossdock" : "_crossdock_" + command.Path.Replace(' ', '_').Replace('-', '_');

    private static string Title(CompletionCommand command) => command.Path.Length == 0 ? "crossdock" : $"crossdock {command.Path}";

    /// <summary>Backslash-escapes what <c>_arguments</c> and <c>_describe</c> read as syntax inside a description.</summary>
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal);

    /// <summary>A single-quoted zsh word.</summary>
    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
