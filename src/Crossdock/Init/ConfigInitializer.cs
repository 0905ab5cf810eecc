using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Files;

namespace Crossdock.Init;

/// <summary>What <c>crossdock init</c> wrote: the file, the facts it used and the values it had to change.</summary>
public sealed record InitResult(string Path, ProjectFacts Facts, IReadOnlyList<string> Notes);

/// <summary>
/// <c>crossdock init</c> without the command line: detect, render, check the result loads, write atomically.
/// An existing crossdock.toml is someone's configuration and is replaced only when forced.
/// </summary>
public static class ConfigInitializer
{
    public static InitResult Run(string folder, bool force)
    {
        if (!Directory.Exists(folder)) throw CrossdockException.ForFile(folder, "no such folder");
        var path = folder == "." ? ConfigLoader.DefaultFileName : Path.Combine(folder, ConfigLoader.DefaultFileName);
        if (File.Exists(path) && !force) throw CrossdockException.ForFile(path, "already exists; pass --force to overwrite it");

        var (facts, notes) = ProjectDetector.Detect(folder);
        var text = InitConfigWriter.Render(facts);
        // What init writes must load: a file that does not would only move the failure to the next command.
        ConfigLoader.Parse(path, text);

        using var staged = new StagedFiles(Path.GetFullPath(folder));
        var temporary = staged.Reserve(Path.GetFullPath(path));
        File.WriteAllText(temporary, text);
        staged.Commit();
        return new InitResult(path, facts, notes);
    }
}
