using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Completions;

namespace Crossdock.Cli.Completions;

/// <summary>
/// What a shell needs to complete one crossdock command, read from the System.CommandLine tree itself, so the
/// completion scripts can never list a command or option that does not exist, nor miss a new one.
/// </summary>
/// <param name="Path">The subcommands that lead to it, space-separated: "" for crossdock itself, "publish npm".</param>
/// <param name="Argument">The positional argument, when the command takes one.</param>
internal sealed record CompletionCommand(
    string Path,
    string Name,
    string Description,
    ImmutableArray<CompletionCommand> Subcommands,
    ImmutableArray<CompletionOption> Options,
    CompletionArgument? Argument)
{
    /// <summary>This command and every command below it, parents first.</summary>
    public IEnumerable<CompletionCommand> SelfAndDescendants() => Subcommands.SelectMany(s => s.SelfAndDescendants()).Prepend(this);

    /// <summary>The spellings of every option that takes a value (the next word is that value, not a subcommand).</summary>
    public IEnumerable<string> ValueOptionNames => Options.Where(o => o.TakesValue).SelectMany(o => o.Names);

    public static CompletionCommand From(Command root) => From(root, "", []);

    private static CompletionCommand From(Command command, string path, IReadOnlyList<Option> inherited)
    {
        var options = command.Options.Concat(inherited).Where(o => !o.Hidden).Distinct().Select(CompletionOption.From).ToImmutableArray();
        var passedDown = inherited.Concat(command.Options.Where(o => o.Recursive)).Distinct().ToList();
        var subcommands = command.Subcommands.Where(c => !c.Hidden)
            .Select(c => From(c, path.Length == 0 ? c.Name : $"{path} {c.Name}", passedDown))
            .ToImmutableArray();
        var argument = command.Arguments.FirstOrDefault(a => !a.Hidden) is { } a ? CompletionArgument.From(a) : null;
        return new CompletionCommand(path, command.Name, command.Description ?? "", subcommands, options, argument);
    }
}

/// <summary>One option: its spellings (<c>--repository</c>, <c>-r</c>), whether a value follows, and the values it takes when they are a fixed set.</summary>
/// <param name="Values">The values to offer; empty for a free value (a path, a version): shells then complete file names.</param>
internal sealed record CompletionOption(ImmutableArray<string> Names, string Description, bool TakesValue, bool Repeats, string ValueName, ImmutableArray<string> Values)
{
    public static CompletionOption From(Option option)
    {
        // A flag (bool, --help, --version) takes no value; System.CommandLine would otherwise offer "True" and "False" for it.
        var takesValue = option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool);
        var names = new[] { option.Name }.Concat(option.Aliases)
            .Where(n => n.StartsWith("--", StringComparison.Ordinal) || (n.Length == 2 && n[0] == '-' && char.IsLetter(n[1])))
            .Distinct().ToImmutableArray();
        return new CompletionOption(
            names,
            option.Description ?? "",
            takesValue,
            option.Arity.MaximumNumberOfValues > 1,
            option.HelpName ?? option.Name.TrimStart('-').ToUpperInvariant(),
            takesValue ? [.. option.GetCompletions(CompletionContext.Empty).Select(c => c.Label)] : []);
    }
}

/// <summary>A positional argument: its fixed values (a shell name), or empty for file names.</summary>
internal sealed record CompletionArgument(string Name, string Description, bool Repeats, ImmutableArray<string> Values)
{
    public static CompletionArgument From(Argument argument) => new(
        argument.Name,
        argument.Description ?? "",
        argument.Arity.MaximumNumberOfValues > 1,
        [.. argument.GetCompletions(CompletionContext.Empty).Select(c => c.Label)]);
}
