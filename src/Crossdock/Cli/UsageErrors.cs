using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Crossdock.Core.Text;

namespace Crossdock.Cli;

/// <summary>
/// Turns what System.CommandLine could not parse into the one line crossdock prints, like git and cargo: an
/// unknown command or option with the closest one that exists, a missing value, a bad number. Never a .NET type
/// name, never several lines.
/// </summary>
internal static class UsageErrors
{
    /// <summary>The usage error of <paramref name="parse"/>, or null when it parsed (a group command without its subcommand is not an error here: it gets its help).</summary>
    public static string? Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (FirstUnknownToken(parse) is { } unknown) return Unknown(command, unknown);
        var error = parse.Errors.FirstOrDefault(e => !IsMissingSubcommand(e, command));
        return error is null ? null : Rewrite(error, command);
    }

    /// <summary>A command that only groups others (<c>crossdock</c>, <c>crossdock publish</c>) was given none of them.</summary>
    public static bool NeedsSubcommand(ParseResult parse) =>
        parse.CommandResult.Command is { Action: null, Subcommands.Count: > 0 } && parse.Action is null or ParseErrorAction;

    /// <summary>"crossdock publish": how the user reaches <paramref name="command"/>.</summary>
    public static string Spelled(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = Parent(c)) names.Insert(0, c.Name);
        return string.Join(' ', names);
    }

    private static Command? Parent(Command command) => command.Parents.OfType<Command>().FirstOrDefault();

    private static bool IsMissingSubcommand(ParseError error, Command command) =>
        error.SymbolResult is CommandResult { Command: var c } && c == command && command.Subcommands.Count > 0 && command.Action is null
        && error.SymbolResult.Tokens.Count == 0;

    /// <summary>
    /// The first word no command, option or argument took. System.CommandLine hands an unknown "--flag" to a
    /// variadic FILE argument, so an argument that looks like an option counts too (a file really named like an
    /// option can be passed as ./-name).
    /// </summary>
    private static string? FirstUnknownToken(ParseResult parse) =>
        parse.Tokens
            .Where(t => t.Type == TokenType.Argument)
            .Select(t => t.Value)
            .FirstOrDefault(value => (value.Length > 1 && value[0] == '-') || parse.UnmatchedTokens.Contains(value));

    private static string Unknown(Command command, string token)
    {
        var where = Parent(command) is null ? "" : $" for '{Spelled(command)}'";
        if (token.Length > 1 && token[0] == '-')
        {
            var name = token.Split('=', 2)[0];
            return $"unknown option '{name}'{where}{HintOr(name, OptionNames(command), command)}";
        }
        if (command.Subcommands.Count > 0)
        {
            return $"unknown command '{token}'{where}{HintOr(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name), command)}";
        }
        return $"unexpected argument '{token}'{where}{SeeHelp(command)}";
    }

    private static string Rewrite(ParseError error, Command command)
    {
        switch (error.SymbolResult)
        {
            case OptionResult { Option: var option } result when result.Tokens.Count == 0 && option.Arity.MinimumNumberOfValues > 0:
                return $"{option.Name} needs a value{SeeHelp(command)}";
            case OptionResult { Option: var option } result when option.ValueType == typeof(int) && result.Tokens.Count > 0
                && !int.TryParse(result.Tokens[^1].Value, out _):
                return $"{option.Name}: '{result.Tokens[^1].Value}' is not a whole number";
            case ArgumentResult { Argument: var argument } result when result.Tokens.Count == 0 && argument.Arity.MinimumNumberOfValues > 0:
                return $"missing {argument.Name}: {argument.Description}{SeeHelp(command)}";
            default:
                // Validators (CommonOptions.OneOf, the --target check) write one line that already points somewhere;
                // System.CommandLine's own messages are flattened to one line and get the help pointer.
                var message = string.Join(' ', error.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                return PointsSomewhere(message) ? message : message + SeeHelp(command);
        }
    }

    /// <summary>Every spelling of every option valid after <paramref name="command"/>: its own and the recursive ones above it (--help).</summary>
    private static IEnumerable<string> OptionNames(Command command)
    {
        var options = command.Options.AsEnumerable();
        for (var parent = Parent(command); parent is not null; parent = Parent(parent))
        {
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        }
        return options.Where(o => !o.Hidden).SelectMany(o => new[] { o.Name }.Concat(o.Aliases)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
    }

    private static string HintOr(string word, IEnumerable<string> known, Command command)
    {
        var suggestion = Suggestions.DidYouMean(word, known);
        return suggestion.Length > 0 ? suggestion : SeeHelp(command);
    }

    private static bool PointsSomewhere(string message) =>
        message.Contains("(did you mean '", StringComparison.Ordinal) || message.Contains("'crossdock ", StringComparison.Ordinal);

    private static string SeeHelp(Command command) => $" (see '{Spelled(command)} --help')";
}
