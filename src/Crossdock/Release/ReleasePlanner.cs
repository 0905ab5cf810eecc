using Crossdock.Channels.GitHub;
using Crossdock.Channels.Npm;
using Crossdock.Channels.NuGet;
using Crossdock.Channels.Pypi;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Targets;
using Crossdock.Core.Text;
using Crossdock.Inspection;
using Crossdock.Plan;

namespace Crossdock.Release;

/// <summary>
/// Turns a pack request into a <see cref="ReleasePlan"/>: finds every command's binary (given as files, or as the
/// folder the build left them in), inspects each, decides (or checks) its target, and asks each channel to plan its
/// package of each target. Nothing is written here, so every refusal happens before any output exists.
/// </summary>
public static class ReleasePlanner
{
    public static ReleasePlan Plan(PackRequest request)
    {
        var config = request.Config;
        var release = ProjectRelease.From(config, config.ResolveVersion(request.VersionOverride), request.OutputDirectory);
        var platforms = new List<PlatformRelease>();
        foreach (var binaries in FindBinaries(request))
        {
            if (platforms.FirstOrDefault(p => p.Target == binaries.Target) is { } earlier)
            {
                throw CrossdockException.ForFile(binaries.Commands[0].SourcePath, $"is a second binary for {binaries.Target.Triple} (the first was {earlier.Binaries.Commands[0].SourcePath})");
            }
            platforms.Add(PlanPlatform(release, binaries, request.StaticLinuxTags, config.Targets));
        }
        return new ReleasePlan(release, [.. platforms]);
    }

    private static PlatformRelease PlanPlatform(ProjectRelease release, PlatformBinaries binaries, StaticLinuxTags staticTags, IReadOnlyList<Target> configured)
    {
        var wheel = binaries.Target.HasWheel ? WheelPlanner.Plan(release, binaries, staticTags) : null;
        var npm = PlatformPackagePlanner.Plan(release, binaries);
        var archive = ArchivePlanner.Plan(release, binaries);
        var nuget = NugetPackagePlanner.PlanRidPackage(release, binaries, configured);
        var notes = binaries.Inspections.Select(i => TargetResolver.Note(binaries.Target, i)).OfType<string>();
        return new PlatformRelease(binaries, wheel, npm, archive, nuget, [.. binaries.Inspections.SelectMany(i => i.Warnings).Concat(wheel?.Warnings ?? []).Concat(notes).Distinct()]);
    }

    /// <summary>The refusal of a --target triple the table does not know, with the closest one it does.</summary>
    public static string UnknownTarget(string triple) =>
        $"--target {triple}: not a supported target{Suggestions.DidYouMean(triple, TargetTable.All.Select(t => t.Triple))}; 'crossdock targets' lists them";

    /// <summary>
    /// Each input (a path, with the --target given for it, if any) as one target's binaries, one per command. With one
    /// command a file is that command's binary whatever its name; with several, files are matched to commands by
    /// their name (the command's <c>file</c>), and a folder is searched for each. The binaries of one input must all
    /// be for the same target, and every target needs every command.
    /// </summary>
    private static IEnumerable<PlatformBinaries> FindBinaries(PackRequest request)
    {
        var commands = request.Config.Commands;
        var byTarget = new Dictionary<Target, List<CommandBinary>>();
        var order = new List<Target>();
        foreach (var (path, triple) in request.Binaries)
        {
            var given = triple is null ? null : TargetTable.FindByTriple(triple)
                ?? throw CrossdockException.Usage(UnknownTarget(triple));
            Target? inputTarget = null;
            foreach (var (command, file) in Locate(commands, path, given))
            {
                var inspection = BinaryInspector.Inspect(file);
                var target = ResolveTarget(request, file, given, inspection);
                if (inputTarget is not null && target != inputTarget)
                {
                    throw CrossdockException.ForFile(file, $"is {TargetResolver.Describe(inspection)}, for {target.Triple}, but the other binaries in {path} are for {inputTarget.Triple}");
                }
                inputTarget = target;
                if (!byTarget.TryGetValue(target, out var found)) byTarget[target] = found = [];
                if (!order.Contains(target)) order.Add(target);
                if (found.FirstOrDefault(b => b.Command == command.Name) is { } earlier)
                {
                    throw CrossdockException.ForFile(file, commands.Length == 1
                        ? $"is a second binary for {target.Triple} (the first was {earlier.SourcePath})"
                        : $"is a second binary of command '{command.Name}' for {target.Triple} (the first was {earlier.SourcePath})");
                }
                found.Add(new CommandBinary(command.Name, Path.GetFullPath(file), new FileInfo(file).Length, inspection));
            }
        }
        foreach (var target in order)
        {
            var found = byTarget[target];
            var missing = commands.Where(c => found.All(b => b.Command != c.Name)).ToList();
            if (missing.Count > 0)
            {
                throw CrossdockException.Usage($"{target.Triple}: no binary for {string.Join(", ", missing.Select(c => $"command '{c.Name}'" + (c.IsRenamed ? $" (file {c.File})" : "")))}; pass every command's executable, or the folder that holds them");
            }
            yield return new PlatformBinaries(target, [.. commands.Select(c => found.Single(b => b.Command == c.Name))]);
        }
    }

    /// <summary>The command each file of an input is, and the file: a folder holds each command's file (<c>.exe</c> on Windows).</summary>
    private static IEnumerable<(CommandConfig Command, string File)> Locate(IReadOnlyList<CommandConfig> commands, string path, Target? target)
    {
        if (Directory.Exists(path))
        {
            foreach (var command in commands)
            {
                var candidates = target is not null ? [target.ExecutableFileName(command.File)] : new[] { command.File, command.File + ".exe" };
                var file = candidates.Select(c => Path.Combine(path, c)).FirstOrDefault(File.Exists)
                    ?? throw CrossdockException.ForFile(path, $"has no {string.Join(" or ", candidates)} for command '{command.Name}'; it holds: {Listing(path)}");
                yield return (command, file);
            }
            yield break;
        }
        if (commands.Count == 1 || !File.Exists(path))
        {
            yield return (commands[0], path); // one command: the file is its binary, whatever the build named it
            yield break;
        }
        var name = Path.GetFileName(path);
        var match = commands.FirstOrDefault(c => name == c.File || name == c.File + ".exe")
            ?? throw CrossdockException.ForFile(path, $"is none of the commands' files ({string.Join(", ", commands.Select(c => c.File))}, .exe on Windows); pass each command's executable under its own name, or the folder that holds them");
        yield return (match, path);
    }

    private static string Listing(string folder)
    {
        var names = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? "nothing" : string.Join(", ", names.Take(20)) + (names.Count > 20 ? $", ... ({names.Count} in all)" : "");
    }

    private static Target ResolveTarget(PackRequest request, string path, Target? given, BinaryInspection inspection)
    {
        var configured = request.Config.Targets;
        if (given is not null)
        {
            if (TargetResolver.Contradiction(given, inspection) is { } why) throw CrossdockException.ForFile(path, $"{why}; refusing to label it {given.Triple}");
            if (!configured.Contains(given)) throw CrossdockException.ForFile(path, $"{given.Triple} is not in [package] targets of {request.Config.SourcePath}");
            return given;
        }

        var candidates = configured.Where(t => TargetResolver.Contradiction(t, inspection) is null).ToList();
        var detected = TargetResolver.Detect(inspection);
        if (detected is not null && candidates.Contains(detected)) return detected;
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw CrossdockException.ForFile(path, $"is {TargetResolver.Describe(inspection)}, which matches none of the configured targets ({string.Join(", ", configured.Select(t => t.Triple))})"),
            _ => throw CrossdockException.ForFile(path, $"is {TargetResolver.Describe(inspection)}, which could be any of {string.Join(", ", candidates.Select(t => t.Triple))}; pass --target"
                + (detected is not null ? $" (or list {detected.Triple} in [package] targets: one package of it serves them all)" : "")),
        };
    }
}
