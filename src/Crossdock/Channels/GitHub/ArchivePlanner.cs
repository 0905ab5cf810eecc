using Crossdock.Core.Files;
using Crossdock.Plan;

namespace Crossdock.Channels.GitHub;

/// <summary>Plans one target's GitHub Release archive: its name, and every entry at the archive's top level.</summary>
public static class ArchivePlanner
{
    /// <summary>The archive of <paramref name="binaries"/>; null when <c>[github] archives = false</c>.</summary>
    public static GithubArchiveArtifact? Plan(ProjectRelease release, PlatformBinaries binaries)
    {
        var project = release.Project;
        if (!project.Github.Archives) return null;
        var target = binaries.Target;
        var executables = binaries.Commands.Select(binaries.FileName).ToList();
        return new GithubArchiveArtifact(
            Path.Combine(release.Layout.Github, GithubNames.ArchiveFileName(project.Name, target)),
            target,
            GithubNames.ArchiveFormat(target),
            [.. executables],
            [.. DocumentFiles(project, executables)]);
    }

    /// <summary>
    /// The README and the licence files, by their own file names at the top level beside the executables (where
    /// cargo-dist puts them); a licence file whose name another entry already has keeps its project-relative path.
    /// </summary>
    private static IEnumerable<PlannedFile> DocumentFiles(ProjectMetadata project, List<string> executables)
    {
        var taken = new HashSet<string>(executables, StringComparer.OrdinalIgnoreCase);
        if (project.Readme is { } readme)
        {
            var name = Path.GetFileName(readme.SourcePath);
            taken.Add(name);
            yield return new PlannedText(name, readme.Text);
        }
        foreach (var license in project.Metadata.LicenseFiles)
        {
            var name = Path.GetFileName(license.RelativePath);
            if (!taken.Add(name)) name = license.RelativePath;
            yield return new PlannedCopy(name, license.FullPath, FileModes.Regular);
        }
    }
}
