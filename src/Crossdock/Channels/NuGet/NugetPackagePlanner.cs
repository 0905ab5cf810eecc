using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Targets;
using Crossdock.Plan;

namespace Crossdock.Channels.NuGet;

/// <summary>
/// Plans a release's .NET tool packages as the .NET 10 SDK packs a NativeAOT tool with
/// <c>ToolPackageRuntimeIdentifiers</c>: <c>pack</c> one RID package per target that has a .NET RID, <c>assemble</c>
/// the pointer package listing the RID packages found in <c>OUT/nuget</c>. Every entry's path and text is decided here.
/// </summary>
public static class NugetPackagePlanner
{
    /// <summary>
    /// The RID package of <paramref name="binaries"/>; null when the channel is off, .NET has no RID for the target, or
    /// the target is libc-free and another of <paramref name="configured"/> has its RID: .NET has no libc-free RID, and
    /// its <c>linux-x64</c> is the glibc build's (a libc-free program alone is linux-x64 too, since it runs there).
    /// </summary>
    public static NugetPackageArtifact? PlanRidPackage(ProjectRelease release, PlatformBinaries binaries, IReadOnlyList<Target> configured)
    {
        var project = release.Project;
        var target = binaries.Target;
        if (!project.Nuget.Enabled || target.DotnetRid is not { } rid) return null;
        if (target.IsLibcFree && configured.Any(t => t != target && t.DotnetRid == rid)) return null;
        var folder = NugetNames.ToolFolder(rid);
        var executable = binaries.FileName(binaries.Commands[0]);
        var settings = NugetPackageContent.RidToolSettings(project.Bin, executable);
        return Package(release, NugetNames.RidPackageId(project.Nuget.Id, rid), rid, binaries.Target, NugetNames.RidPackageType, folder, settings, $"{folder}/{executable}");
    }

    /// <summary>
    /// The framework-dependent <c>{id}.any</c> package of <paramref name="framework"/> (a checked publish folder):
    /// the SDK's format-1 settings running the .dll with <c>dotnet</c>, then every file of the folder.
    /// </summary>
    public static NugetPackageArtifact PlanFrameworkDependent(ProjectRelease release, FrameworkDependentBuild framework)
    {
        var project = release.Project;
        var folder = NugetNames.FrameworkDependentFolder(framework.TargetFramework);
        var settings = NugetPackageContent.FrameworkDependentToolSettings(project.Bin, framework.EntryPoint);
        PlannedFile[] files = [.. framework.Files.Select(f => new PlannedCopy($"{folder}/{f}", Path.Combine(framework.Folder, f)))];
        return Package(release, NugetNames.FrameworkDependentId(project.Nuget.Id), NugetNames.AnyRid, null, NugetNames.RidPackageType, folder, settings, null, files, NugetPackageContent.FrameworkNuspecSchema);
    }

    /// <summary>
    /// The pointer package, listing the RID package of every configured target found in <c>OUT/nuget</c> (each checked
    /// to be that RID's package at the release's version). A missing one is refused unless <paramref name="allowMissing"/>.
    /// Null when the channel is off or no configured target has a .NET RID.
    /// </summary>
    /// <param name="frameworkDependent">The <c>{id}.any</c> package assemble writes beside the pointer, listed last (the SDK's fallback); null for none.</param>
    public static NugetPackageArtifact? PlanPointer(ProjectConfig config, ProjectRelease release, bool allowMissing, NugetPackageArtifact? frameworkDependent = null)
    {
        if (!config.Nuget.Enabled) return null;
        var rids = NugetNames.Rids(config.Targets).ToList();
        if (rids.Count == 0) return null;
        var folder = release.Layout.Nuget;
        var version = release.Version.Semver;
        var found = new List<(string Rid, string Id)>();
        var missing = new List<string>();
        foreach (var rid in rids)
        {
            var id = NugetNames.RidPackageId(config.Nuget.Id, rid);
            var path = Path.Combine(folder, NugetNames.FileName(id, version));
            if (!File.Exists(path))
            {
                missing.Add(rid);
                continue;
            }
            using var package = NugetPackageReader.Open(path);
            var nuspec = package.Nuspec();
            if (!string.Equals(nuspec.Id, id, StringComparison.OrdinalIgnoreCase)) throw CrossdockException.ForFile(path, $"holds package {nuspec.Id}, not {id}");
            if (nuspec.Version != version) throw CrossdockException.ForFile(path, $"holds version {nuspec.Version}, not the release's {version}");
            if (!nuspec.PackageTypes.Contains(NugetNames.RidPackageType)) throw CrossdockException.ForFile(path, $"is not a {NugetNames.RidPackageType} package");
            found.Add((rid, id));
        }
        if (found.Count == 0) throw CrossdockException.ForFile(folder, $"holds no RID package of {config.Nuget.Id} {version} (run 'crossdock pack' first, or set [nuget] enabled = false)");
        if (missing.Count > 0 && !allowMissing)
        {
            throw CrossdockException.ForFile(folder, $"has no NuGet package for {string.Join(", ", missing)}; 'dotnet tool install' would fail there (pass --allow-missing to ship without them)");
        }
        if (frameworkDependent is not null) found.Add((NugetNames.AnyRid, frameworkDependent.Id));
        var settings = NugetPackageContent.PointerToolSettings(release.Project.Bin, found);
        return Package(release, config.Nuget.Id, NugetNames.AnyRid, null, NugetNames.ToolPackageType, NugetNames.ToolFolder(NugetNames.AnyRid), settings, null);
    }

    /// <param name="files">The files after the settings (the framework-dependent build's); empty for the others.</param>
    private static NugetPackageArtifact Package(
        ProjectRelease release, string id, string rid, Target? target, string packageType, string toolFolder, string toolSettings, string? entryPoint,
        PlannedFile[]? files = null, string schema = NugetPackageContent.NuspecSchema)
    {
        var project = release.Project;
        var version = release.Version.Semver;
        var nuspecEntry = id + ".nuspec";
        // NuGet takes a Markdown readme only ("The readme file has an invalid extension"): another kind is left out.
        var readme = project.Readme is { ContentType: "text/markdown" } markdown ? new PlannedText(Path.GetFileName(markdown.SourcePath), markdown.Text) : null;
        PlannedFile[] leading =
        [
            new PlannedText(NugetPackageContent.RelationshipsEntry, NugetPackageContent.Relationships(nuspecEntry)),
            new PlannedText(nuspecEntry, NugetPackageContent.Nuspec(project, id, version, packageType, readme?.Entry, schema)),
            .. readme is null ? [] : new[] { readme },
            new PlannedText($"{toolFolder}/{NugetNames.SettingsFile}", toolSettings),
            .. files ?? [],
        ];
        PlannedFile[] trailing =
        [
            new PlannedText(NugetPackageContent.ContentTypesEntry, NugetPackageContent.ContentTypes([.. leading.Skip(1).Select(f => f.Entry), .. entryPoint is null ? [] : new[] { entryPoint }])),
            new PlannedText(NugetPackageContent.CorePropertiesEntry, NugetPackageContent.CoreProperties(project, id, version, release.Generator)),
        ];
        return new NugetPackageArtifact(Path.Combine(release.Layout.Nuget, NugetNames.FileName(id, version)), id, version, rid, target, [.. leading], entryPoint, [.. trailing], files is not null);
    }
}
