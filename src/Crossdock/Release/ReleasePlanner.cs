using System.Collections.Immutable;
using Crossdock.Inspection;
using Crossdock.Npm;
using Crossdock.Pypi;
using Crossdock.Targets;

namespace Crossdock.Release;

/// <summary>
/// Turns a pack request into a <see cref="ReleasePlan"/>: inspects every binary, decides (or checks) its target,
/// and names every artifact. Nothing is written here, so every refusal happens before any output exists.
/// </summary>
public static class ReleasePlanner
{
    public static ReleasePlan Plan(PackRequest request)
    {
        var config = request.Config;
        var version = config.ResolveVersion(request.VersionOverride);
        var project = ProjectMetadata.From(config);

        var platforms = new List<PlatformRelease>();
        foreach (var (path, triple) in request.Binaries)
        {
            var inspection = BinaryInspector.Inspect(path);
            var target = ResolveTarget(request, path, triple, inspection);
            if (platforms.FirstOrDefault(p => p.Target == target) is { } earlier)
            {
                throw CrossdockException.ForFile(path, $"is a second binary for {target.Triple} (the first was {earlier.SourceBinary})");
            }
            platforms.Add(PlanPlatform(project, version, target, path, inspection, request.StaticLinuxTags));
        }
        return new ReleasePlan(project, version, Path.GetFullPath(request.OutputDirectory), [.. platforms]);
    }

    public static PlatformRelease PlanPlatform(ProjectMetadata project, ReleaseVersion version, Target target, string path, BinaryInspection inspection, StaticLinuxTags staticTags)
    {
        var tags = WheelPlatformTags.ForTarget(target, inspection, staticTags);
        var wheelTag = WheelTag.ForExecutable(tags.Tags);
        var exe = project.Bin + target.Os.ExecutableSuffix;
        var dist = ProjectNames.WheelDistName(project.PypiName);
        var wheel = new WheelArtifact(
            WheelNames.FileName(project.PypiName, version, wheelTag),
            dist,
            version.Pep440,
            wheelTag,
            $"{dist}-{version.Pep440}.data/scripts/{exe}",
            ProjectNames.PythonModuleName(project.PypiName));

        var npmName = project.Npm.PlatformPackageName(target);
        var npm = new NpmPlatformPackageArtifact(npmName, version.Semver, NpmNames.TarballFileName(npmName, version.Semver), target.NpmPlatform, $"bin/{exe}");

        var warnings = inspection.Warnings.Concat(tags.Warnings);
        if (target.Os == OperatingSystemFamily.Linux) warnings = warnings.Concat(ManylinuxPolicy.LibraryWarnings(inspection));
        return new PlatformRelease(target, Path.GetFullPath(path), new FileInfo(path).Length, inspection, wheel, npm, [.. warnings.Distinct()]);
    }

    private static Target ResolveTarget(PackRequest request, string path, string? triple, BinaryInspection inspection)
    {
        var configured = request.Config.Targets;
        if (triple is not null)
        {
            var target = TargetTable.FindByTriple(triple)
                ?? throw CrossdockException.Usage($"--target {triple}: not a supported target (see 'crossdock targets')");
            if (TargetResolver.Contradiction(target, inspection) is { } why) throw CrossdockException.ForFile(path, $"{why}; refusing to label it {triple}");
            if (!configured.Contains(target)) throw CrossdockException.ForFile(path, $"{triple} is not in [package] targets of {request.Config.SourcePath}");
            return target;
        }

        var candidates = configured.Where(t => TargetResolver.Contradiction(t, inspection) is null).ToList();
        var detected = TargetResolver.Detect(inspection);
        if (detected is not null && candidates.Contains(detected)) return detected;
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw CrossdockException.ForFile(path, $"is {TargetResolver.Describe(inspection)}, which matches none of the configured targets ({string.Join(", ", configured.Select(t => t.Triple))})"),
            _ => throw CrossdockException.ForFile(path, $"is {TargetResolver.Describe(inspection)}, which could be any of {string.Join(", ", candidates.Select(t => t.Triple))}; pass --target"),
        };
    }
}
