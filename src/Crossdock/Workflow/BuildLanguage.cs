using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Init;

namespace Crossdock.Workflow;

/// <summary>
/// How the workflow builds: <c>[build] language</c> and <c>project</c>, or, with no <c>[build]</c> table, what
/// <c>crossdock init</c> would have written for the repository (its first language manifest), with a note saying so.
/// For Go it also looks at the code itself: a program that imports "C" builds with cgo.
/// </summary>
/// <param name="Note">Set when the language was detected rather than configured: what was chosen, and from which file.</param>
public sealed record BuildLanguage(string Name, string? Project, bool Cgo, string? Note)
{
    public static BuildLanguage Resolve(ProjectConfig config)
    {
        var path = config.SourcePath;
        var repository = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (config.Build.Language is { } configured)
        {
            return new BuildLanguage(configured, config.Build.ProjectPath, configured == "go" && GoModule.UsesCgo(repository), null);
        }
        var detected = ProjectDetector.DetectLanguage(repository)
            ?? throw CrossdockException.ForFile(path, $"[build] language is required to generate the workflow (one of {string.Join(", ", ConfigLoader.Languages)}): no Cargo.toml, go.mod, build.zig.zon or NativeAOT .csproj beside it to detect it from");
        // Several Go commands build from their cmd/ folders together, not from the one main package init would pick.
        var project = config.Build.ProjectPath ?? (detected.Language == "go" && config.Commands.Length > 1 ? null : detected.Project);
        var note = $"no [build] language in {Path.GetFileName(path)}: building with {detected.Language}, detected from {detected.Source}"
            + (project is not null && config.Build.ProjectPath is null ? $" (project {project})" : "")
            + $"; add [build] language = \"{detected.Language}\" to make it explicit";
        return new BuildLanguage(detected.Language, project, detected.Language == "go" && detected.NeedsLibc is not null, note);
    }
}
