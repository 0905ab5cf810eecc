using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Crossdock.Core.Archives;
using Crossdock.Core.Files;

namespace Crossdock.Release;

/// <summary>
/// Executes a <see cref="ReleasePlan"/>: every target's wheel, npm package, GitHub archive and NuGet RID package on
/// <c>cores</c> workers shared by all targets (several targets at once, and each binary's chunks on every worker), so
/// one big binary uses every core as eight small ones do. All-or-nothing: files are written under temporary names and
/// renamed only when every target succeeded; on any failure (or Ctrl-C) the temporary files are removed and the output is untouched.
/// </summary>
public static class ReleaseWriter
{
    /// <param name="read">Hears of a target's binaries' bytes as they are read (the target's index in the plan, the
    /// bytes since the last call), for a progress bar; called from several threads.</param>
    /// <returns>Per target, in the plan's order: the sizes written and the time taken.</returns>
    public static ImmutableArray<PackedPlatform> Write(ReleasePlan plan, DateTimeOffset timestamp, int cores, Action<int, long>? read, CancellationToken cancellation)
    {
        string[] folders =
        [
            plan.Layout.Root, plan.Layout.Pypi, plan.Layout.Npm,
            .. plan.Platforms.Any(p => p.Archive is not null) ? [plan.Layout.Github] : Array.Empty<string>(),
            .. plan.Platforms.Any(p => p.Nuget is not null) ? [plan.Layout.Nuget] : Array.Empty<string>(),
        ];
        using var staging = new StagedFiles(folders);
        var temporary = plan.Platforms.Select(p => (
            Wheel: p.Wheel is { } wheel ? staging.Reserve(wheel.Path) : null,
            Tarball: staging.Reserve(p.NpmPackage.Path),
            Archive: p.Archive is { } archive ? staging.Reserve(archive.Path) : null,
            Nuget: p.Nuget is { } nuget ? staging.Reserve(nuget.Path) : null)).ToArray();
        var packed = new PackedPlatform[plan.Platforms.Length];
        using var workers = new DeflateWorkers(cores);

        try
        {
            Parallel.For(0, plan.Platforms.Length, new ParallelOptions { MaxDegreeOfParallelism = workers.Count, CancellationToken = cancellation }, index =>
            {
                var platform = plan.Platforms[index];
                var (wheelTemp, tarballTemp, archiveTemp, nugetTemp) = temporary[index];
                var clock = Stopwatch.StartNew();
                using var wheel = wheelTemp is null ? null : new FileStream(wheelTemp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
                using var tarball = new FileStream(tarballTemp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                // A zip archive patches each local header once its entry's sizes are known, so it is opened for reading too.
                using var archive = archiveTemp is null ? null : new FileStream(archiveTemp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
                using var nuget = nugetTemp is null ? null : new FileStream(nugetTemp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
                PlatformPackager.Write(platform, wheel, tarball, archive, nuget, timestamp, workers, read is null ? null : bytes => read(index, bytes), cancellation);
                packed[index] = new PackedPlatform(platform, wheel?.Length, tarball.Length, archive?.Length, clock.Elapsed);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // Report the first target's failure as itself, not wrapped: the CLI turns it into one line.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        staging.Commit();
        return [.. packed];
    }
}
