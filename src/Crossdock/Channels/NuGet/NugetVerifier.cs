using System.Collections.Immutable;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Problems;
using Crossdock.Core.Targets;
using Crossdock.Inspection;
using Crossdock.Plan;

namespace Crossdock.Channels.NuGet;

/// <summary>
/// Checks <c>OUT/nuget</c> as the .NET SDK will read it: each package's .nuspec (id, version, package type) and
/// DotnetToolSettings.xml (format 2, the one command, its <c>executable</c> entry point present and a program for
/// the package's RID; for the framework-dependent <c>{id}.any</c>, format 1 and a <c>dotnet</c>-run .dll); then the set:
/// one pointer package, a RID package for every configured target's RID, at most one <c>{id}.any</c>, and the pointer
/// listing exactly those.
/// </summary>
public static class NugetVerifier
{
    /// <summary>One package; null when the file cannot be read at all (the problem is recorded).</summary>
    public static VerifiedArtifact? VerifyPackage(string path, ProjectConfig config, ProblemList problems, string scratchFolder)
    {
        try
        {
            using var package = NugetPackageReader.Open(path);
            foreach (var (name, _) in package.Entries.Where(e => !IsSafeEntry(e.Name))) problems.Add("layout", $"entry {name} is outside the package (absolute, '..' or a backslash)");
            var nuspec = package.Nuspec();
            var expectedName = NugetNames.FileName(nuspec.Id, nuspec.Version);
            if (!string.Equals(Path.GetFileName(path), expectedName, StringComparison.OrdinalIgnoreCase)) problems.Add("name", $"holds {nuspec.Id} {nuspec.Version}, so it should be named {expectedName}");
            if (string.Equals(nuspec.Id, config.Nuget.Id, StringComparison.OrdinalIgnoreCase)) return VerifyPointer(path, config, package, nuspec, problems);
            if (string.Equals(nuspec.Id, NugetNames.FrameworkDependentId(config.Nuget.Id), StringComparison.OrdinalIgnoreCase)) return VerifyFrameworkDependent(path, config, package, nuspec, problems);
            var rid = TargetTable.All.Select(t => t.DotnetRid).OfType<string>().Distinct()
                .FirstOrDefault(r => string.Equals(nuspec.Id, NugetNames.RidPackageId(config.Nuget.Id, r), StringComparison.OrdinalIgnoreCase));
            if (rid is null)
            {
                problems.Add("id", $"holds package {nuspec.Id}, which is neither {config.Nuget.Id} nor one of its RID packages ({NugetNames.RidPackageId(config.Nuget.Id, "<rid>")})");
                return new VerifiedArtifact(path, ArtifactKind.NugetRidPackage, nuspec.Id, nuspec.Version, []);
            }
            return VerifyRidPackage(path, config, package, nuspec, rid, problems, scratchFolder);
        }
        catch (CrossdockException e)
        {
            problems.Add("package", e.Reason);
            return null;
        }
    }

    /// <summary>The checks over the whole set, once every package was verified.</summary>
    public static IEnumerable<VerificationProblem> VerifyRelease(string folder, ProjectConfig config, IReadOnlyList<VerifiedArtifact> packages)
    {
        var pointers = packages.Where(p => p.Kind == ArtifactKind.NugetToolPackage).ToList();
        var ridPackages = packages.Where(p => p.Kind == ArtifactKind.NugetRidPackage && p.PackageName is not null).ToList();
        var rids = NugetNames.Rids(config.Targets).ToList();
        if (pointers.Count == 0) yield return new VerificationProblem(folder, "pointer package", $"no NuGet package {config.Nuget.Id} (run 'crossdock assemble')");
        if (pointers.Count > 1) yield return new VerificationProblem(folder, "duplicates", $"{pointers.Count} pointer packages: {string.Join(", ", pointers.Select(p => Path.GetFileName(p.File)))}");
        foreach (var rid in rids)
        {
            var id = NugetNames.RidPackageId(config.Nuget.Id, rid);
            var found = ridPackages.Where(p => string.Equals(p.PackageName, id, StringComparison.OrdinalIgnoreCase)).ToList();
            var triples = string.Join(", ", config.Targets.Where(t => t.DotnetRid == rid).Select(t => t.Triple));
            if (found.Count == 0) yield return new VerificationProblem(folder, "coverage", $"no NuGet package {id} for {rid} ({triples})");
            if (found.Count > 1) yield return new VerificationProblem(folder, "duplicates", $"{found.Count} packages are {id}: {string.Join(", ", found.Select(p => Path.GetFileName(p.File)))}");
        }
        var anyId = NugetNames.FrameworkDependentId(config.Nuget.Id);
        var frameworkDependent = ridPackages.Where(p => string.Equals(p.PackageName, anyId, StringComparison.OrdinalIgnoreCase)).ToList();
        if (frameworkDependent.Count > 1) yield return new VerificationProblem(folder, "duplicates", $"{frameworkDependent.Count} packages are {anyId}: {string.Join(", ", frameworkDependent.Select(p => Path.GetFileName(p.File)))}");
        foreach (var stray in ridPackages.Except(frameworkDependent).Where(p => rids.All(r => !string.Equals(p.PackageName, NugetNames.RidPackageId(config.Nuget.Id, r), StringComparison.OrdinalIgnoreCase))))
        {
            yield return new VerificationProblem(stray.File, "coverage", $"is {stray.PackageName}, for a RID no target in [package] targets has");
        }
        foreach (var pointer in pointers)
        {
            foreach (var (rid, id) in pointer.RidPackages.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!string.Equals(id, NugetNames.RidPackageId(config.Nuget.Id, rid), StringComparison.Ordinal))
                {
                    yield return new VerificationProblem(pointer.File, "RID packages", $"names {id} for {rid}, which should be {NugetNames.RidPackageId(config.Nuget.Id, rid)}");
                }
                else if (ridPackages.All(p => !string.Equals(p.PackageName, id, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return new VerificationProblem(pointer.File, "RID packages", $"names {id} for {rid}, which is not in the release: 'dotnet tool install' would fail there");
                }
            }
            foreach (var package in ridPackages.Where(p => !pointer.RidPackages.Values.Contains(p.PackageName!, StringComparer.OrdinalIgnoreCase)))
            {
                yield return new VerificationProblem(pointer.File, "RID packages", $"does not name {package.PackageName}, so no user would ever get it");
            }
        }
    }

    private static VerifiedArtifact VerifyPointer(string path, ProjectConfig config, NugetPackageReader package, NuspecFields nuspec, ProblemList problems)
    {
        if (!nuspec.PackageTypes.Contains(NugetNames.ToolPackageType)) problems.Add("package type", $"is not a {NugetNames.ToolPackageType} package ({Types(nuspec)}): 'dotnet tool install' refuses it");
        var settings = Settings(package, NugetNames.AnyRid, problems);
        var listed = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (settings is not null)
        {
            CheckCommand(config, settings, problems);
            if (settings.Commands.Any(c => c.EntryPoint is not null)) problems.Add("tool settings", $"{settings.Entry} gives an entry point: the pointer package must leave it to its RID packages");
            if (settings.RidPackages.IsEmpty) problems.Add("tool settings", $"{settings.Entry} lists no RID packages");
            foreach (var (rid, id) in settings.RidPackages)
            {
                if (!listed.TryAdd(rid, id)) problems.Add("tool settings", $"{settings.Entry} lists {rid} twice");
            }
        }
        return new VerifiedArtifact(path, ArtifactKind.NugetToolPackage, nuspec.Id, nuspec.Version, []) { RidPackages = listed.ToImmutable() };
    }

    /// <summary>
    /// The <c>{id}.any</c> package: a RID package (so tool search lists only the pointer) whose one
    /// <c>tools/{tfm}/any/DotnetToolSettings.xml</c> is format 1 and runs the command's .dll, present with its
    /// runtimeconfig.json beside it, with <c>dotnet</c>: a native entry point there would be run on every machine.
    /// </summary>
    private static VerifiedArtifact VerifyFrameworkDependent(string path, ProjectConfig config, NugetPackageReader package, NuspecFields nuspec, ProblemList problems)
    {
        var artifact = new VerifiedArtifact(path, ArtifactKind.NugetRidPackage, nuspec.Id, nuspec.Version, []);
        if (!nuspec.PackageTypes.Contains(NugetNames.RidPackageType)) problems.Add("package type", $"is not a {NugetNames.RidPackageType} package ({Types(nuspec)})");
        var candidates = package.Entries.Select(e => e.Name)
            .Where(n => n.Split('/') is ["tools", _, NugetNames.AnyRid, NugetNames.SettingsFile]).ToList();
        if (candidates.Count != 1)
        {
            problems.Add("tool settings", candidates.Count == 0
                ? $"has no tools/<framework>/{NugetNames.AnyRid}/{NugetNames.SettingsFile}"
                : $"has {candidates.Count} tool settings files ({string.Join(", ", candidates)}); the framework-dependent package has one");
            return artifact;
        }
        var settings = package.ToolSettings(candidates[0])!;
        if (settings.FormatVersion != "1") problems.Add("tool settings", $"{settings.Entry} is format {settings.FormatVersion ?? "(none)"}; a framework-dependent tool's is Version=\"1\"");
        if (CheckCommand(config, settings, problems) is not { } command) return artifact;
        if (command.Runner != "dotnet") problems.Add("tool settings", $"{settings.Entry} runs {command.Name} with Runner=\"{command.Runner}\", not \"dotnet\" (a framework-dependent .dll)");
        if (command.EntryPoint is not { } entryPoint || !entryPoint.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("entry point", $"{settings.Entry} gives {(command.EntryPoint is null ? "no EntryPoint" : $"the EntryPoint {command.EntryPoint}")} for {command.Name}; 'dotnet' runs a .dll");
            return artifact;
        }
        var folder = candidates[0][..candidates[0].LastIndexOf('/')];
        foreach (var needed in new[] { entryPoint, Path.ChangeExtension(entryPoint, ".runtimeconfig.json") })
        {
            var entry = $"{folder}/{needed}";
            if (!IsSafeEntry(entry) || !package.Has(entry)) problems.Add("entry point", $"{entry} is missing");
        }
        return artifact;
    }

    private static VerifiedArtifact VerifyRidPackage(string path, ProjectConfig config, NugetPackageReader package, NuspecFields nuspec, string rid, ProblemList problems, string scratchFolder)
    {
        // The targets this RID stands for: the configured ones (linux-x64 is both -gnu and -none), else every one.
        var configured = config.Targets.Where(t => t.DotnetRid == rid).ToList();
        var targets = configured.Count > 0 ? configured : [.. TargetTable.All.Where(t => t.DotnetRid == rid)];
        var artifact = new VerifiedArtifact(path, ArtifactKind.NugetRidPackage, nuspec.Id, nuspec.Version, [.. configured]);
        if (!nuspec.PackageTypes.Contains(NugetNames.RidPackageType)) problems.Add("package type", $"is not a {NugetNames.RidPackageType} package ({Types(nuspec)})");
        var settings = Settings(package, rid, problems);
        if (settings is null || CheckCommand(config, settings, problems) is not { } command) return artifact;
        var expected = targets[0].ExecutableFileName(config.Bin);
        if (command.Runner != "executable") problems.Add("tool settings", $"{settings.Entry} runs {command.Name} with Runner=\"{command.Runner}\", not \"executable\" (a native program)");
        if (command.EntryPoint is not { } entryPoint)
        {
            problems.Add("entry point", $"{settings.Entry} gives no EntryPoint for {command.Name}");
            return artifact;
        }
        if (entryPoint != expected) problems.Add("entry point", $"is {entryPoint}, but the command's executable for {rid} is {expected}");
        var entry = $"{NugetNames.ToolFolder(rid)}/{entryPoint}";
        if (!IsSafeEntry(entry) || !package.Has(entry))
        {
            problems.Add("entry point", $"{entry} is missing");
            return artifact;
        }
        var file = Path.Combine(scratchFolder, $"{Path.GetFileName(path)}-entry-point");
        package.Extract(entry, file);
        try
        {
            var inspection = BinaryInspector.Inspect(file);
            if (targets.All(t => TargetResolver.Contradiction(t, inspection) is not null))
            {
                problems.Add("entry point", $"{entryPoint} {TargetResolver.Contradiction(targets[0], inspection)}, as the package's RID {rid} claims");
            }
        }
        catch (CrossdockException e)
        {
            problems.Add("entry point", $"{entryPoint} {e.Reason}");
        }
        return artifact;
    }

    private static ToolSettings? Settings(NugetPackageReader package, string rid, ProblemList problems)
    {
        var entry = $"{NugetNames.ToolFolder(rid)}/{NugetNames.SettingsFile}";
        var settings = package.ToolSettings(entry);
        if (settings is null) problems.Add("tool settings", $"{entry} is missing");
        else if (settings.FormatVersion != "2") problems.Add("tool settings", $"{entry} is format {settings.FormatVersion ?? "(none)"}; RID-specific tools need Version=\"2\"");
        return settings;
    }

    /// <summary>The one command, named as the project's first; null (and a problem) otherwise.</summary>
    private static ToolCommand? CheckCommand(ProjectConfig config, ToolSettings settings, ProblemList problems)
    {
        if (settings.Commands.Length != 1)
        {
            problems.Add("tool settings", $"{settings.Entry} defines {settings.Commands.Length} commands; a .NET tool has exactly one");
            return null;
        }
        var command = settings.Commands[0];
        if (command.Name != config.Bin) problems.Add("tool settings", $"{settings.Entry} names the command {command.Name}, not {config.Bin}");
        return command;
    }

    private static string Types(NuspecFields nuspec) => nuspec.PackageTypes.IsEmpty ? "it declares none" : $"it declares {string.Join(", ", nuspec.PackageTypes)}";

    private static bool IsSafeEntry(string name) =>
        name.Length > 0 && !name.StartsWith('/') && !name.Contains('\\', StringComparison.Ordinal) && !name.Split('/').Contains("..");
}
