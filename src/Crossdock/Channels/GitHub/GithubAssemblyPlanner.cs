using System.Collections.Immutable;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Files;
using Crossdock.Core.Targets;
using Crossdock.Plan;

namespace Crossdock.Channels.GitHub;

/// <summary>
/// Plans the GitHub part of <c>assemble</c> from the archives in <c>OUT/github</c>: each is matched to a configured
/// target by its name and hashed once; the installers and the formula are written with those sha256s; the checksum
/// file and the manifest will list every archive, the other channels' files and the installers.
/// </summary>
public static class GithubAssemblyPlanner
{
    /// <summary>The plan; null when <c>[github] archives = false</c>.</summary>
    /// <param name="repositoryOverride">--github-repository: where the release is made (the workflow passes its own).</param>
    /// <param name="tagOverride">--github-tag; default <c>v{version}</c>.</param>
    /// <param name="otherFiles">The wheels and npm tarballs of the release, for the checksum file and the manifest.</param>
    public static GithubAssembly? Plan(ProjectConfig config, ProjectRelease release, string? repositoryOverride, string? tagOverride,
        IReadOnlyList<ReleaseFile> otherFiles, bool allowMissing)
    {
        var project = release.Project;
        if (!project.Github.Archives) return null;
        if (repositoryOverride is not null && !GithubConfig.IsRepositoryName(repositoryOverride))
        {
            throw CrossdockException.Usage($"--github-repository {repositoryOverride}: not owner/name");
        }
        if (tagOverride is not null && !GithubNames.IsTagName(tagOverride)) throw CrossdockException.Usage($"--github-tag {tagOverride}: not a git tag name crossdock can put in a URL");
        var folder = release.Layout.Github;
        if (!Directory.Exists(folder)) throw CrossdockException.ForFile(folder, "no such folder (run 'crossdock pack' first, or set [github] archives = false)");

        var found = new Dictionary<Target, ArchiveRef>();
        foreach (var file in StagedFiles.Finished(folder, "*"))
        {
            var target = GithubNames.TargetOfArchive(project.Name, Path.GetFileName(file));
            if (target is null) continue; // an installer, the checksum file...: rewritten below
            if (!config.Targets.Contains(target)) throw CrossdockException.ForFile(file, $"is for {target.Triple}, which is not in [package] targets of {config.SourcePath}");
            found[target] = Inspect(file, target, [.. project.Commands.Select(target.ExecutableFileName)]);
        }
        if (found.Count == 0) throw CrossdockException.ForFile(folder, "holds no archives (run 'crossdock pack' first)");
        var missing = config.Targets.Where(t => !found.ContainsKey(t)).ToList();
        if (missing.Count > 0 && !allowMissing)
        {
            throw CrossdockException.ForFile(folder, $"has no archive for {string.Join(", ", missing.Select(t => t.Triple))}; the installers could not install there (pass --allow-missing to ship without them)");
        }
        var archives = config.Targets.Where(found.ContainsKey).Select(t => found[t]).ToList();

        var warnings = new List<string>();
        var repository = repositoryOverride ?? project.Github.Repository;
        var location = repository is null ? null : new GithubReleaseLocation(repository, tagOverride ?? $"v{release.Version.Semver}");
        var texts = new List<PlannedText>();
        if (location is null)
        {
            warnings.Add($"no GitHub repository ([github] repository, or a github.com [package] repository in {config.SourcePath}): the installers and the Homebrew formula are not written");
        }
        else
        {
            var installer = new InstallerModel(project, release.Version, location, release.Generator, [.. archives]);
            if (archives.Any(a => a.Target.Os != OperatingSystemFamily.Windows))
            {
                texts.Add(new PlannedText(GithubNames.ShellInstaller(project.Name), InstallerContent.Shell(installer), FileModes.Executable));
            }
            if (archives.Any(a => a.Target.Os == OperatingSystemFamily.Windows))
            {
                texts.Add(new PlannedText(GithubNames.PowerShellInstaller(project.Name), InstallerContent.PowerShell(installer)));
            }
            if (FormulaContent.ClassName(project.Name) is null)
            {
                warnings.Add($"'{project.Name}' cannot name a Homebrew formula (its class name would not be a Ruby constant): no formula is written");
            }
            else if (FormulaContent.Formula(installer) is { } formula)
            {
                texts.Add(new PlannedText(GithubNames.Formula(project.Name), formula));
            }
        }

        var listed = archives.Select(a => new ReleaseFile(a.Path, ReleaseFileKind.Archive, [a.Target]))
            .Concat(otherFiles)
            .Concat(texts.Select(t => new ReleaseFile(Path.Combine(folder, t.Entry), ReleaseFileKind.Installer, [])))
            .OrderBy(f => f.FileName, StringComparer.Ordinal);
        return new GithubAssembly(folder, project.Name, release.Version.Semver, release.Version.IsPreRelease, release.Generator, location, [.. archives], [.. texts], [.. listed], [.. warnings]);
    }

    /// <summary>An archive's size and sha256 (one read), and for Linux whether its first command is static.</summary>
    private static ArchiveRef Inspect(string file, Target target, ImmutableArray<string> executables)
    {
        try
        {
            string sha256;
            using (var stream = File.OpenRead(file)) sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
            var isStatic = target.Os == OperatingSystemFamily.Linux && GithubNames.ArchiveFormat(target) == ArchiveFormat.TarGz
                && ElfInterpreter.HasInterpreter(ReadEntryStart(file, executables[0])) == false;
            return new ArchiveRef(target, file, new FileInfo(file).Length, sha256, executables, isStatic);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or FormatException)
        {
            throw CrossdockException.ForFile(file, $"cannot be read: {e.Message}");
        }
    }

    /// <summary>The first 64 KiB of <paramref name="entry"/> in a .tar.gz (crossdock writes the executables first, so little is unpacked).</summary>
    private static byte[] ReadEntryStart(string file, string entry)
    {
        using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } next)
        {
            if (next.Name != entry || next.DataStream is null) continue;
            var head = new byte[(int)Math.Min(next.Length, 1 << 16)];
            next.DataStream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return head;
        }
        throw CrossdockException.ForFile(file, $"has no {entry} (it was not made by 'crossdock pack' for this crossdock.toml)");
    }
}
