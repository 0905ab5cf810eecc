using Crossdock.Channels.Npm;
using Crossdock.Channels.Pypi;
using Crossdock.Core;
using Crossdock.Core.Targets;
using Crossdock.Core.Text;
using Crossdock.Inspection;
using Crossdock.Plan;

namespace Crossdock.Release;

/// <summary>
/// Turns a pack request into a <see cref="ReleasePlan"/>: inspects every binary, decides (or checks) its target,
/// and asks each channel to plan its package of it. Nothing is written here, so every refusal happens before any
/// output exists.
/// </summary>
public static class ReleasePlanner
{
    public static ReleasePlan Plan(PackRequest request)
    {
        var config = request.Config;
        var release = ProjectRelease.From(config, config.ResolveVersion(request.VersionOverride), request.OutputDirectory);

        var platforms = new List<PlatformRelease>();
        foreach (var (path, triple) in request.Binaries)
        {
            var inspection = BinaryInspector.Inspect(path);
            var target = ResolveTarget(request, path, triple, inspection);
            if (platforms.FirstOrDefault(p => p.Target == target) is { } earlier)
            {
                throw CrossdockException.ForFile(path, $"is a second binary for {target.Triple} (the first was {earlier.Binary.SourcePath})");
            }
            platforms.Add(PlanPlatform(release, new PlatformBinary(target, Path.GetFullPath(path), new FileInfo(path).Length, inspection), request.StaticLinuxTags));
        }
        return new ReleasePlan(release, [.. platforms]);
    }

    private static PlatformRelease PlanPlatform(ProjectRelease release, PlatformBinary binary, StaticLinuxTags staticTags)
    {
        var wheel = WheelPlanner.Plan(release, binary, staticTags);
        var npm = PlatformPackagePlanner.Plan(release, binary);
        return new PlatformRelease(binary, wheel, npm, [.. binary.Inspection.Warnings.Concat(wheel.Warnings).Distinct()]);
    }

    /// <summary>The refusal of a --target triple the table does not know, with the closest one it does.</summary>
    public static string UnknownTarget(string triple) =>
        $"--target {triple}: not a supported target{Suggestions.DidYouMean(triple, TargetTable.All.Select(t => t.Triple))}; 'crossdock targets' lists them";

    private static Target ResolveTarget(PackRequest request, string path, string? triple, BinaryInspection inspection)
    {
        var configured = request.Config.Targets;
        if (triple is not null)
        {
            var target = TargetTable.FindByTriple(triple)
                ?? throw CrossdockException.Usage(UnknownTarget(triple));
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
