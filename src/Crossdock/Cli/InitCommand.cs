using System.CommandLine;
using Crossdock.Core;
using Crossdock.Init;

namespace Crossdock.Cli;

/// <summary>
/// <c>crossdock init [DIR] [--force]</c>: a commented crossdock.toml from the project's own manifests. It never
/// prompts: every value is detected or left as a commented example, so it behaves the same in a terminal
/// and in a script.
/// </summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var force = new Option<bool>("--force") { Description = "Overwrite an existing crossdock.toml" };
        var folder = new Argument<string?>("DIR") { Description = "The project folder, with its Cargo.toml, go.mod, build.zig.zon, NativeAOT .csproj, package.json or pyproject.toml (default: .)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("init", "Write a crossdock.toml from the project's own manifest")
        {
            force, folder,
        };
        command.SetAction(parse =>
        {
            var result = ConfigInitializer.Run(parse.GetValue(folder) ?? ".", parse.GetValue(force));
            foreach (var note in result.Notes) context.Error.WriteLine($"note: {note}");
            var language = result.Facts.Language is { } l ? $"{l} project" : "project";
            var commands = result.Facts.Commands;
            var named = (commands.Length == 1 ? "command " : "commands ") + string.Join(", ", commands.Select(c => $"'{c.Name}'"));
            context.Out.WriteLine($"wrote {result.Path} ({language} '{result.Facts.Name}', {named})");
            context.Out.WriteLine("next: review it, then run 'crossdock generate github' for the release workflow");
            return ExitCodes.Success;
        });
        return command;
    }
}
