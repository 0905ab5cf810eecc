using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using Crossdock.Config;
using Crossdock.Core.Targets;
using Crossdock.Core.Text;
using Crossdock.Release;

namespace Crossdock.Cli;

/// <summary>Options several commands share, defined once so their names and help stay the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Config() => new("--config")
    {
        Description = "The project's crossdock.toml",
        DefaultValueFactory = _ => ConfigLoader.DefaultFileName,
    };

    public static Option<string> Out() => new("--out")
    {
        Description = "Output folder (wheels in OUT/pypi, npm packages in OUT/npm)",
        DefaultValueFactory = _ => "dist",
    };

    public static Option<string?> Version() => new("--version") { Description = "Release version (semver or PEP 440); overrides [package] version" };

    public static Option<bool> Json() => new("--json") { Description = "Print a machine-readable JSON document" };

    public static Option<bool> DryRun(string description = "Change nothing: only print what would be done") => new("--dry-run") { Description = description };

    /// <summary>
    /// A --target option: completed from the target table, and a triple the table does not know is a usage
    /// error at once (with the closest one), before any file is read.
    /// </summary>
    public static Option<string[]> Target(string description)
    {
        var option = new Option<string[]>("--target") { Description = description, Arity = ArgumentArity.ZeroOrMore, HelpName = "TRIPLE" };
        option.CompletionSources.Add(_ => TargetTable.All.Select(t => new CompletionItem(t.Triple)));
        option.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => TargetTable.FindByTriple(t.Value) is null) is { } token) result.AddError(ReleasePlanner.UnknownTarget(token.Value));
        });
        return option;
    }

    /// <summary>
    /// Accepts only <paramref name="values"/> (and completes them), refusing anything else in one line with the
    /// closest value, where System.CommandLine's own check prints a multi-line list.
    /// </summary>
    public static T OneOf<T>(T option, params string[] values) where T : Option
    {
        option.CompletionSources.Add(values);
        option.Validators.Add(result => RefuseOthers(result, option.Name, values));
        return option;
    }

    /// <summary><see cref="OneOf{T}(T, string[])"/> for a command's argument.</summary>
    public static Argument<string> OneOf(Argument<string> argument, params string[] values)
    {
        argument.CompletionSources.Add(values);
        argument.Validators.Add(result => RefuseOthers(result, argument.Name, values));
        return argument;
    }

    private static void RefuseOthers(SymbolResult result, string name, string[] values)
    {
        if (result.Tokens.FirstOrDefault(t => !values.Contains(t.Value, StringComparer.Ordinal)) is { } token)
        {
            result.AddError($"{name}: '{token.Value}' is not one of {string.Join(", ", values)}{Suggestions.DidYouMean(token.Value, values)}");
        }
    }
}
