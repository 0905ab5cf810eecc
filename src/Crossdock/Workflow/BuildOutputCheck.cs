using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Init;

namespace Crossdock.Workflow;

/// <summary>
/// Before a workflow is written: every configured command's file must be one the build writes, as the project's
/// own files name them (<see cref="BuildOutputs"/>). Otherwise every matrix job would build, then find no such file,
/// and fail on GitHub at the first release; crossdock refuses here instead, with the line that fixes it.
/// </summary>
public static class BuildOutputCheck
{
    /// <summary>Throws when a command's file is not built; returns a note when the project's names cannot be read, else null.</summary>
    public static string? Check(ProjectConfig config, BuildOutputs? outputs)
    {
        if (outputs is null) return null;
        if (outputs.Unreadable is { } why)
        {
            var example = config.Commands[0];
            return $"{outputs.Manifest}: {why}, so crossdock cannot check that the build writes {string.Join(", ", config.Commands.Select(c => $"'{c.File}'"))}; "
                + $"if it names the executable otherwise, set bin = [{{ name = \"{example.Name}\", file = \"ITS-NAME\" }}]";
        }
        var built = outputs.Files;
        var unclaimed = new Queue<string>(built.Where(f => config.Commands.All(c => c.File != f)));
        var missing = config.Commands.Where(c => !built.Contains(c.File)).ToList();
        if (missing.Count == 0) return null;

        var first = missing[0];
        var what = $"[package] bin '{first.Name}'" + (first.IsRenamed ? $" (file '{first.File}')" : "");
        if (built.IsEmpty) throw CrossdockException.ForFile(config.SourcePath, $"{what}: {outputs.Manifest} builds no executable");
        var builds = $"builds {string.Join(", ", built.Select(f => $"'{f}'"))}";
        if (unclaimed.Count < missing.Count)
        {
            throw CrossdockException.ForFile(config.SourcePath, $"{what}: {outputs.Manifest} {builds}, none of them left for it; add the executable to the project or remove the command");
        }
        var fixedCommands = config.Commands.Select(c => built.Contains(c.File) ? c : c with { File = unclaimed.Dequeue() });
        throw CrossdockException.ForFile(config.SourcePath, $"{what}: {outputs.Manifest} {builds}; set bin = [{string.Join(", ", fixedCommands.Select(Toml))}]");
    }

    /// <summary>A command as crossdock.toml writes it (command names need no escaping).</summary>
    private static string Toml(CommandConfig command) =>
        command.IsRenamed ? $"{{ name = \"{command.Name}\", file = \"{command.File}\" }}" : $"\"{command.Name}\"";
}
