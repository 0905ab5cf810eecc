using System.Collections.Immutable;
using Crossdock.Channels.GitHub;
using Crossdock.Channels.Npm;
using Crossdock.Channels.NuGet;
using Crossdock.Channels.Pypi;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Files;
using Crossdock.Core.Problems;
using Crossdock.Plan;

namespace Crossdock.Release;

/// <summary>What <c>crossdock verify</c> found.</summary>
/// <summary>Which registry's artifacts a verification covers: publishing to one registry checks only its own.</summary>
public enum VerificationScope
{
    All,
    Pypi,
    Npm,
    Github,
    Nuget,
}

public sealed record VerificationReport(string Directory, ReleaseVersion? Version, ImmutableArray<VerifiedArtifact> Artifacts, ImmutableArray<VerificationProblem> Problems)
{
    public bool Ok => Problems.IsEmpty;
}

/// <summary>
/// Checks a whole release folder before anything is published: every artifact on its own (wheels, npm packages),
/// then the release as a whole — one version everywhere, every configured target with a wheel (none for FreeBSD,
/// which PyPI has no tag for) and a platform package (a libc-free one covers both libcs), no target twice, and a
/// main package pinning exactly the platform packages present.
/// </summary>
public static class ReleaseVerifier
{
    /// <param name="checkedFile">Hears of each artifact once it is checked (its index in <see cref="Artifacts"/>), for a progress bar.</param>
    public static VerificationReport Verify(string directory, ProjectConfig config, string? versionOverride, VerificationScope scope = VerificationScope.All, Action<int>? checkedFile = null)
    {
        var pypi = scope is VerificationScope.All or VerificationScope.Pypi;
        var npm = scope is VerificationScope.All or VerificationScope.Npm;
        var github = Covers(scope, config, VerificationScope.Github);
        var nuget = Covers(scope, config, VerificationScope.Nuget);
        var problems = new List<VerificationProblem>();
        var artifacts = new List<VerifiedArtifact>();
        var scratch = System.IO.Directory.CreateTempSubdirectory("crossdock-verify-");
        try
        {
            var files = Artifacts(directory, config, scope);
            for (var i = 0; i < files.Length; i++)
            {
                var (file, kind) = files[i];
                var list = new ProblemList(file);
                var artifact = kind switch
                {
                    ArtifactKind.Wheel => WheelVerifier.Verify(file, config, list, scratch.FullName),
                    ArtifactKind.GithubArchive => GithubVerifier.VerifyArchive(file, config, list, scratch.FullName),
                    // A pointer or a RID package: the package's own type says which.
                    ArtifactKind.NugetRidPackage => NugetVerifier.VerifyPackage(file, config, list, scratch.FullName),
                    _ => PackageVerifier.Verify(file, config, list, scratch.FullName),
                };
                if (artifact is not null) artifacts.Add(artifact);
                problems.AddRange(list.Problems);
                checkedFile?.Invoke(i);
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        var version = ExpectedVersion(config, versionOverride, artifacts);
        problems.AddRange(CheckRelease(directory, config, version, artifacts, pypi, npm, github, nuget));
        if (github && artifacts.Count > 0)
        {
            problems.AddRange(GithubVerifier.VerifyRelease(new ReleaseLayout(directory), config, [.. artifacts.Where(a => a.Kind == ArtifactKind.GithubArchive)]));
        }
        if (nuget && artifacts.Count > 0)
        {
            problems.AddRange(NugetVerifier.VerifyRelease(Path.Combine(directory, ReleaseLayout.NugetFolder), config, [.. artifacts.Where(a => a.Kind is ArtifactKind.NugetRidPackage or ArtifactKind.NugetToolPackage)]));
        }
        return new VerificationReport(directory, version, [.. artifacts], [.. problems]);
    }

    /// <summary>
    /// The files <see cref="Verify"/> checks one by one, in its order: wheels, then npm packages, then GitHub
    /// archives (the kind says which folder each came from; an npm package is told main or platform when read).
    /// </summary>
    public static ImmutableArray<(string File, ArtifactKind Kind)> Artifacts(string directory, ProjectConfig config, VerificationScope scope)
    {
        IEnumerable<(string, ArtifactKind)> In(bool covered, string folder, string pattern, ArtifactKind kind) =>
            covered ? StagedFiles.Finished(Path.Combine(directory, folder), pattern).Select(f => (f, kind)) : [];
        return
        [
            .. In(Covers(scope, config, VerificationScope.Pypi), ReleaseLayout.PypiFolder, "*.whl", ArtifactKind.Wheel),
            .. In(Covers(scope, config, VerificationScope.Npm), ReleaseLayout.NpmFolder, "*.tgz", ArtifactKind.NpmPlatformPackage),
            .. In(Covers(scope, config, VerificationScope.Github), ReleaseLayout.GithubFolder, "*", ArtifactKind.GithubArchive),
            .. In(Covers(scope, config, VerificationScope.Nuget), ReleaseLayout.NugetFolder, "*.nupkg", ArtifactKind.NugetRidPackage),
        ];
    }

    private static bool Covers(VerificationScope scope, ProjectConfig config, VerificationScope channel) =>
        (scope == VerificationScope.All || scope == channel) && channel switch
        {
            VerificationScope.Github => config.Github.Archives,
            VerificationScope.Nuget => config.Nuget.Enabled && NugetNames.Rids(config.Targets).Any(),
            _ => true,
        };

    /// <summary>The version every artifact must carry: --version, else crossdock.toml's, else the first artifact's.</summary>
    private static ReleaseVersion? ExpectedVersion(ProjectConfig config, string? versionOverride, List<VerifiedArtifact> artifacts)
    {
        if (versionOverride is not null || config.Version is not null) return config.ResolveVersion(versionOverride);
        return artifacts.Select(a => a.Version).OfType<string>()
            .Select(v => ReleaseVersion.TryParse(v, out var parsed, out _) ? parsed : null).FirstOrDefault(v => v is not null);
    }

    private static IEnumerable<VerificationProblem> CheckRelease(string directory, ProjectConfig config, ReleaseVersion? version, List<VerifiedArtifact> artifacts, bool pypi, bool npm, bool github, bool nuget)
    {
        if (artifacts.Count == 0)
        {
            var wanted = string.Join(" and ", new[]
            {
                pypi ? $"no wheels in {ReleaseLayout.PypiFolder}/" : null,
                npm ? $"no npm packages in {ReleaseLayout.NpmFolder}/" : null,
                github ? $"no archives in {ReleaseLayout.GithubFolder}/" : null,
                nuget ? $"no NuGet packages in {ReleaseLayout.NugetFolder}/" : null,
            }.OfType<string>());
            yield return new VerificationProblem(directory, "release", $"{wanted} (run 'crossdock pack')");
            yield break;
        }
        if (version is not null)
        {
            foreach (var artifact in artifacts.Where(a => a.Version is not null))
            {
                var expected = artifact.Kind == ArtifactKind.Wheel ? version.Pep440 : version.Semver;
                if (artifact.Version != expected) yield return new VerificationProblem(artifact.File, "version", $"carries version {artifact.Version}, the release is {expected}");
            }
        }

        var wheels = artifacts.Where(a => a.Kind == ArtifactKind.Wheel).ToList();
        var platforms = artifacts.Where(a => a.Kind == ArtifactKind.NpmPlatformPackage).ToList();
        foreach (var target in config.Targets)
        {
            // A wheel serves every target its tags admit (a libc-free one both libcs), and pip could take any two
            // wheels that serve one target: so one wheel per target, and none for FreeBSD, which only npm ships.
            var wheelsForTarget = wheels.Where(w => w.Targets.Contains(target)).ToList();
            if (pypi && target.HasWheel && wheelsForTarget.Count == 0) yield return new VerificationProblem(directory, "coverage", $"no wheel for {target.Triple}");
            if (wheelsForTarget.Count > 1) yield return new VerificationProblem(directory, "duplicates", $"{wheelsForTarget.Count} wheels serve {target.Triple}: {string.Join(", ", wheelsForTarget.Select(w => Path.GetFileName(w.File)))}");
            // A libc-free npm package covers both libcs too, but beside a libc-specific package of its architecture it
            // is no duplicate: the launcher prefers the specific one. Two packages named for one target are.
            var packagesForTarget = platforms.Where(p => p.Targets.Contains(target)).ToList();
            if (npm && packagesForTarget.Count == 0) yield return new VerificationProblem(directory, "coverage", $"no npm platform package for {target.Triple}");
            var namedForTarget = packagesForTarget.Where(p => p.PackageName is { } name && config.Npm.TargetOfPlatformPackage(name) == target).ToList();
            if (namedForTarget.Count > 1) yield return new VerificationProblem(directory, "duplicates", $"{namedForTarget.Count} npm packages serve {target.Triple}: {string.Join(", ", namedForTarget.Select(p => Path.GetFileName(p.File)))}");
        }
        foreach (var stray in artifacts.Where(a => a.Kind != ArtifactKind.NpmMainPackage && a.Targets.Length > 0 && a.Targets.All(t => !config.Targets.Contains(t))))
        {
            yield return new VerificationProblem(stray.File, "coverage", $"is for {string.Join(", ", stray.Targets.Select(t => t.Triple))}, which is not in [package] targets");
        }

        var mains = artifacts.Where(a => a.Kind == ArtifactKind.NpmMainPackage).ToList();
        if (npm && mains.Count == 0) yield return new VerificationProblem(directory, "main package", $"no main npm package {config.Npm.Name} (run 'crossdock assemble')");
        if (mains.Count > 1) yield return new VerificationProblem(directory, "duplicates", $"{mains.Count} main npm packages: {string.Join(", ", mains.Select(m => Path.GetFileName(m.File)))}");
        foreach (var main in mains)
        {
            var present = platforms.Where(p => p.PackageName is not null).ToDictionary(p => p.PackageName!, p => p.Version ?? "", StringComparer.Ordinal);
            foreach (var (name, pinned) in main.Pins)
            {
                if (!present.TryGetValue(name, out var actual)) yield return new VerificationProblem(main.File, "pins", $"pins {name}@{pinned}, which is not in the release: installs on that platform would fail");
                else if (actual != pinned) yield return new VerificationProblem(main.File, "pins", $"pins {name}@{pinned}, but the release has {name}@{actual}");
            }
            foreach (var name in present.Keys.Where(n => !main.Pins.ContainsKey(n))) yield return new VerificationProblem(main.File, "pins", $"does not pin {name}, so no user would ever get it");
        }
    }
}
