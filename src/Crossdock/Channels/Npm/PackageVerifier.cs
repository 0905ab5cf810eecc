using System.Formats.Tar;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Files;
using Crossdock.Core.Problems;
using Crossdock.Core.Targets;
using Crossdock.Inspection;
using Crossdock.Plan;

namespace Crossdock.Channels.Npm;

/// <summary>
/// Checks one npm package tarball: npm's layout (everything under package/), and either a platform package (its
/// os/cpu/libc are its target's, its executable is there, executable, and really is for that target) or the main
/// package (its bin points at a file it ships).
/// </summary>
public static class PackageVerifier
{
    public static VerifiedArtifact? Verify(string path, ProjectConfig config, ProblemList problems, string scratchFolder)
    {
        var entries = new Dictionary<string, (UnixFileMode Mode, long Size)>(StringComparer.Ordinal);
        PackageManifest? manifest = null;
        var executables = new Dictionary<string, string>(StringComparer.Ordinal);
        // Only an entry named like this project's executable is ever extracted, and under a name made here: nothing in
        // the tarball chooses a path, and an extra file of any size is judged by its header, never read.
        var executableNames = config.Commands.SelectMany(c => OperatingSystemFamily.All.Select(os => NpmPackageLayout.Executable(c.Name + os.ExecutableSuffix)))
            .ToHashSet(StringComparer.Ordinal);
        try
        {
            PackageTarball.Walk(path, (entry, data) =>
            {
                if (TarballEntryCheck.Problem(entry) is { } problem)
                {
                    problems.Add("layout", problem); // one line for the entry, and it is neither read nor counted as a file
                    return true;
                }
                var name = entry.Name[NpmPackageLayout.Root.Length..];
                if (!entries.TryAdd(name, (entry.Mode, entry.EntryType == TarEntryType.Directory ? -1 : entry.Length))) problems.Add("layout", $"entry {entry.Name} appears twice");
                if (data is null) return true;
                if (name == "package.json" && entry.Length < PackageJsonLimit)
                {
                    manifest = PackageManifest.Read(path, data, entry.Length);
                }
                else if (executableNames.Contains(name))
                {
                    var extracted = Path.Combine(scratchFolder, $"{Path.GetFileName(path)}-{executables.Count}");
                    using (var file = File.Create(extracted)) data.CopyTo(file);
                    executables[name] = extracted;
                }
                return true;
            });
        }
        catch (CrossdockException e)
        {
            problems.Add("tarball", e.Message);
            return null;
        }
        if (manifest is null)
        {
            problems.Add("package.json", "the tarball has no package/package.json");
            return null;
        }

        if (manifest.Name == config.Npm.Name)
        {
            CheckOnlyExpectedFiles(entries, NpmPackageLayout.MainPackageFiles(config.Commands.Select(c => c.Name), LicensePaths(config)), problems);
            return VerifyMain(path, manifest, config, entries, problems);
        }
        return VerifyPlatform(path, manifest, config, entries, executables, problems);
    }

    private static IEnumerable<string> LicensePaths(ProjectConfig config) => config.Metadata.LicenseFiles.Select(f => f.RelativePath);

    /// <summary>A package.json larger than this is no package.json crossdock wrote, and is not read into memory.</summary>
    private const long PackageJsonLimit = 1 << 20;

    /// <summary>Every file (folders aside) must be one crossdock writes: anything else would reach users' disks unchecked.</summary>
    private static void CheckOnlyExpectedFiles(Dictionary<string, (UnixFileMode Mode, long Size)> entries, IReadOnlyList<string> expected, ProblemList problems)
    {
        foreach (var (name, (_, size)) in entries.Where(e => e.Value.Size >= 0 && !expected.Contains(e.Key, StringComparer.Ordinal)))
        {
            problems.Add("layout", TarballEntryCheck.Unexpected(name, size, expected));
        }
    }

    private static VerifiedArtifact VerifyMain(string path, PackageManifest manifest, ProjectConfig config, Dictionary<string, (UnixFileMode Mode, long Size)> entries, ProblemList problems)
    {
        foreach (var command in config.Commands.Select(c => c.Name))
        {
            if (!manifest.Bin.TryGetValue(command, out var launcher)) problems.Add("package.json", $"bin has no entry for the command '{command}'");
            else if (!entries.ContainsKey(launcher.TrimStart('.', '/'))) problems.Add("package.json", $"bin.{command} points at {launcher}, which the package does not contain");
        }
        CheckLicenseFiles(config, entries, problems);
        foreach (var (name, range) in manifest.OptionalDependencies.Where(d => !ReleaseVersion.TryParse(d.Value, out _, out _)))
        {
            problems.Add("package.json", $"optional dependency {name} is pinned to '{range}', not an exact version");
        }
        return new VerifiedArtifact(path, ArtifactKind.NpmMainPackage, manifest.Name, manifest.Version, []) { Pins = manifest.OptionalDependencies };
    }

    private static VerifiedArtifact VerifyPlatform(string path, PackageManifest manifest, ProjectConfig config, Dictionary<string, (UnixFileMode Mode, long Size)> entries,
        Dictionary<string, string> executables, ProblemList problems)
    {
        var target = config.Npm.TargetOfPlatformPackage(manifest.Name);
        if (target is null)
        {
            problems.Add("name", $"package {manifest.Name} is neither {config.Npm.Name} nor one of its platform packages");
            return new VerifiedArtifact(path, ArtifactKind.NpmPlatformPackage, manifest.Name, manifest.Version, []);
        }
        CheckOnlyExpectedFiles(entries, NpmPackageLayout.PlatformPackageFiles(config.Commands.Select(c => target.ExecutableFileName(c.Name)), LicensePaths(config)), problems);
        if (!manifest.Declares(target.NpmPlatform))
        {
            problems.Add("package.json", $"os/cpu/libc are {manifest.DeclaredPlatform}, {target.Triple} needs {target.NpmPlatform}");
        }

        foreach (var command in config.Commands)
        {
            CheckExecutable(NpmPackageLayout.Executable(target.ExecutableFileName(command.Name)), target, entries, executables, problems);
        }
        CheckLicenseFiles(config, entries, problems);
        return new VerifiedArtifact(path, ArtifactKind.NpmPlatformPackage, manifest.Name, manifest.Version, [.. target.Serves]);
    }

    /// <summary>A command's executable is there, executable, and really a program for the package's target.</summary>
    private static void CheckExecutable(string binary, Target target, Dictionary<string, (UnixFileMode Mode, long Size)> entries, Dictionary<string, string> executables, ProblemList problems)
    {
        if (!entries.TryGetValue(binary, out var entry) || !executables.TryGetValue(binary, out var extracted))
        {
            problems.Add("binary", $"package/{binary} is missing");
            return;
        }
        if (!FileModes.IsExecutable((int)entry.Mode)) problems.Add("binary", $"package/{binary} is not executable (mode {Convert.ToString((int)entry.Mode, 8)})");
        try
        {
            var inspection = BinaryInspector.Inspect(extracted);
            if (TargetResolver.Contradiction(target, inspection) is { } why) problems.Add("binary", $"package/{binary} {why}, as the package name claims");
        }
        catch (CrossdockException e)
        {
            problems.Add("binary", $"package/{binary} {e.Reason}");
        }
    }

    /// <summary>Every licence file of the project travels in every package.</summary>
    private static void CheckLicenseFiles(ProjectConfig config, Dictionary<string, (UnixFileMode Mode, long Size)> entries, ProblemList problems)
    {
        foreach (var file in config.Metadata.LicenseFiles.Where(f => !entries.ContainsKey(f.RelativePath)))
        {
            problems.Add("licenses", $"package/{file.RelativePath} is missing: the project's licence file must travel with the package");
        }
    }
}
