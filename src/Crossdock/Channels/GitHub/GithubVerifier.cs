using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Files;
using Crossdock.Core.Problems;
using Crossdock.Core.Targets;
using Crossdock.Inspection;
using Crossdock.Plan;

namespace Crossdock.Channels.GitHub;

/// <summary>
/// Checks <c>OUT/github</c>: each archive holds every command (executable, and a program for the archive's target),
/// the README and the licence files; every configured target has an archive; and every sha256 written down (the
/// checksum file, the manifest, each installer's and the formula's) matches the file it names.
/// </summary>
public static partial class GithubVerifier
{
    /// <summary>One archive's contents; null when the file is no archive of this project (reported as a stray).</summary>
    public static VerifiedArtifact? VerifyArchive(string path, ProjectConfig config, ProblemList problems, string scratchFolder)
    {
        var target = GithubNames.TargetOfArchive(config.Name, Path.GetFileName(path));
        if (target is null) return null;
        var entries = new Dictionary<string, int>(StringComparer.Ordinal);
        var executables = config.Commands.Select(c => target.ExecutableFileName(c.Name)).ToHashSet(StringComparer.Ordinal);
        var extracted = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var (name, mode, data) in Entries(path, target))
            {
                using (data)
                {
                    if (!entries.TryAdd(name, mode)) problems.Add("layout", $"entry {name} appears twice");
                    if (!executables.Contains(name) || data is null) continue;
                    var file = Path.Combine(scratchFolder, $"{Path.GetFileName(path)}-{extracted.Count}");
                    using (var output = File.Create(file)) data.CopyTo(output);
                    extracted[name] = file;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
        {
            problems.Add("archive", $"cannot be read: {e.Message}");
            return new VerifiedArtifact(path, ArtifactKind.GithubArchive, null, null, [target]);
        }

        foreach (var executable in executables.Order(StringComparer.Ordinal))
        {
            if (!entries.TryGetValue(executable, out var mode) || !extracted.TryGetValue(executable, out var file))
            {
                problems.Add("binary", $"{executable} is missing");
                continue;
            }
            if (!FileModes.IsExecutable(mode)) problems.Add("binary", $"{executable} is not executable (mode {Convert.ToString(mode, 8)})");
            try
            {
                if (TargetResolver.Contradiction(target, BinaryInspector.Inspect(file)) is { } why) problems.Add("binary", $"{executable} {why}, as the archive's name claims");
            }
            catch (CrossdockException e)
            {
                problems.Add("binary", $"{executable} {e.Reason}");
            }
        }
        if (config.ReadmePath is { } readme && !entries.ContainsKey(Path.GetFileName(readme))) problems.Add("readme", $"{Path.GetFileName(readme)} is missing");
        foreach (var license in config.Metadata.LicenseFiles.Where(l => !entries.ContainsKey(Path.GetFileName(l.RelativePath)) && !entries.ContainsKey(l.RelativePath)))
        {
            problems.Add("licenses", $"{license.RelativePath} is missing: the project's licence file must travel with the binaries");
        }
        return new VerifiedArtifact(path, ArtifactKind.GithubArchive, null, null, [target]);
    }

    /// <summary>
    /// The checks over the whole of <c>OUT/github</c>, once the archives were verified: coverage, then every sha256
    /// that the checksum file, the manifest, the installers and the formula carry.
    /// </summary>
    public static IEnumerable<VerificationProblem> VerifyRelease(ReleaseLayout layout, ProjectConfig config, IReadOnlyList<VerifiedArtifact> archives)
    {
        var problems = new List<VerificationProblem>();
        foreach (var target in config.Targets.Where(t => archives.All(a => !a.Targets.Contains(t))))
        {
            problems.Add(new VerificationProblem(layout.Github, "coverage", $"no GitHub archive for {target.Triple}"));
        }
        if (archives.Count == 0) return problems;

        var digests = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Sha256Of(string name)
        {
            if (digests.TryGetValue(name, out var known)) return known;
            var file = new[] { layout.Github, layout.Pypi, layout.Npm }.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
            string? digest = null;
            if (file is not null)
            {
                using var stream = File.OpenRead(file);
                digest = Convert.ToHexStringLower(SHA256.HashData(stream));
            }
            return digests[name] = digest;
        }
        void Check(string file, string check, string name, string sha256)
        {
            var actual = Sha256Of(name);
            if (actual is null) problems.Add(new VerificationProblem(file, check, $"lists {name}, which is not in the release"));
            else if (actual != sha256) problems.Add(new VerificationProblem(file, check, $"sha256 of {name} is {sha256}, the file's is {actual}"));
        }

        var checksums = Path.Combine(layout.Github, GithubNames.ChecksumFile);
        if (!File.Exists(checksums))
        {
            problems.Add(new VerificationProblem(layout.Github, "checksums", $"no {GithubNames.ChecksumFile} (run 'crossdock assemble')"));
            return problems;
        }
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadAllText(checksums).Split('\n').SkipLast(1))
        {
            number++;
            var match = ChecksumLine().Match(line);
            if (!match.Success)
            {
                problems.Add(new VerificationProblem($"{checksums}:{number}", "checksums", "is not '<sha256>  <file name>'"));
                continue;
            }
            listed.Add(match.Groups[2].Value);
            Check(checksums, "checksums", match.Groups[2].Value, match.Groups[1].Value);
        }
        var released = StagedFiles.Finished(layout.Github, "*").Select(Path.GetFileName).OfType<string>()
            .Where(n => GithubNames.TargetOfArchive(config.Name, n) is not null || n.EndsWith(".sh", StringComparison.Ordinal) || n.EndsWith(".ps1", StringComparison.Ordinal))
            .Concat(StagedFiles.Finished(layout.Pypi, "*.whl").Concat(StagedFiles.Finished(layout.Npm, "*.tgz")).Select(Path.GetFileName).OfType<string>());
        foreach (var name in released.Where(n => !listed.Contains(n)))
        {
            problems.Add(new VerificationProblem(checksums, "checksums", $"does not list {name} (run 'crossdock assemble' again)"));
        }

        VerifyManifest(Path.Combine(layout.Github, GithubNames.Manifest), problems, Check);
        var shell = Path.Combine(layout.Github, GithubNames.ShellInstaller(config.Name));
        var powershell = Path.Combine(layout.Github, GithubNames.PowerShellInstaller(config.Name));
        var formula = Path.Combine(layout.Github, GithubNames.Formula(config.Name));
        var archiveNames = archives.Select(a => Path.GetFileName(a.File)).ToList();
        VerifyBakedSums(shell, "installers", ShellArchive(), archiveNames.Where(n => !n.EndsWith(".zip", StringComparison.Ordinal)), problems, Check);
        VerifyBakedSums(powershell, "installers", PowerShellArchive(), archiveNames.Where(n => n.EndsWith(".zip", StringComparison.Ordinal)), problems, Check);
        VerifyBakedSums(formula, "formula", FormulaArchive(), [], problems, Check);
        if (config.Github.Repository is not null)
        {
            if (!File.Exists(shell) && archiveNames.Any(n => !n.EndsWith(".zip", StringComparison.Ordinal))) problems.Add(new VerificationProblem(layout.Github, "installers", $"no {Path.GetFileName(shell)} (run 'crossdock assemble')"));
            if (!File.Exists(powershell) && archiveNames.Any(n => n.EndsWith(".zip", StringComparison.Ordinal))) problems.Add(new VerificationProblem(layout.Github, "installers", $"no {Path.GetFileName(powershell)} (run 'crossdock assemble')"));
        }
        return problems;
    }

    /// <summary>The archive → sha256 pairs a generated file carries match the archives; and it covers every archive it should.</summary>
    private static void VerifyBakedSums(string file, string checkName, Regex pair, IEnumerable<string> mustCover, List<VerificationProblem> problems, Action<string, string, string, string> check)
    {
        if (!File.Exists(file)) return;
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in pair.Matches(File.ReadAllText(file)))
        {
            var name = match.Groups["file"].Value;
            named.Add(name);
            check(file, checkName, name, match.Groups["sha256"].Value);
        }
        foreach (var missing in mustCover.Where(n => !named.Contains(n)))
        {
            problems.Add(new VerificationProblem(file, checkName, $"cannot install {missing} (run 'crossdock assemble' again)"));
        }
    }

    private static void VerifyManifest(string path, List<VerificationProblem> problems, Action<string, string, string, string> check)
    {
        if (!File.Exists(path))
        {
            problems.Add(new VerificationProblem(Path.GetDirectoryName(path)!, "manifest", $"no {GithubNames.Manifest} (run 'crossdock assemble')"));
            return;
        }
        try
        {
            using var manifest = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var artifact in manifest.RootElement.GetProperty("artifacts").EnumerateObject())
            {
                if (artifact.Value.TryGetProperty("checksums", out var sums) && sums.TryGetProperty("sha256", out var sha256))
                {
                    check(path, "manifest", artifact.Name, sha256.GetString() ?? "");
                }
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            problems.Add(new VerificationProblem(path, "manifest", $"is not a release manifest: {e.Message}"));
        }
    }

    /// <summary>Each entry's name, Unix mode and data (null for a folder).</summary>
    private static IEnumerable<(string Name, int Mode, Stream? Data)> Entries(string path, Target target)
    {
        if (GithubNames.ArchiveFormat(target) == ArchiveFormat.Zip)
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var entry in zip.Entries)
            {
                yield return (entry.FullName, (entry.ExternalAttributes >> 16) & 0xfff, entry.FullName.EndsWith('/') ? null : entry.Open());
            }
            yield break;
        }
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            yield return (entry.Name, (int)entry.Mode, entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile ? entry.DataStream : null);
        }
    }

    [GeneratedRegex(@"^([0-9a-f]{64})  (\S+)$")]
    private static partial Regex ChecksumLine();

    [GeneratedRegex(@"^\S+ \S+ \S+ \S+ \S+ (?<file>\S+) (?<sha256>[0-9a-f]{64})$", RegexOptions.Multiline)]
    private static partial Regex ShellArchive();

    [GeneratedRegex(@"File = '(?<file>[^']+)'; Sha256 = '(?<sha256>[0-9a-f]{64})'")]
    private static partial Regex PowerShellArchive();

    [GeneratedRegex(@"url ""[^""]*/(?<file>[^/""]+)""\s+sha256 ""(?<sha256>[0-9a-f]{64})""")]
    private static partial Regex FormulaArchive();
}
