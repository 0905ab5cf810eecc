using System.Runtime.ExceptionServices;
using Crossdock.Core.Files;

namespace Crossdock.Release;

/// <summary>
/// Executes a <see cref="ReleasePlan"/>: every target's wheel, npm package, GitHub archive and NuGet RID package, targets in parallel up to the
/// given number of cores. All-or-nothing: files are written under temporary names and renamed only when every
/// target succeeded; on any failure (or Ctrl-C) the temporary files are removed and the output is untouched.
/// </summary>
public static class ReleaseWriter
{
    public static void Write(ReleasePlan plan, DateTimeOffset timestamp, int parallelism, CancellationToken cancellation)
    {
        string[] folders =
        [
            plan.Layout.Root, plan.Layout.Pypi, plan.Layout.Npm,
            .. plan.Platforms.Any(p => p.Archive is not null) ? [plan.Layout.Github] : Array.Empty<string>(),
            .. plan.Platforms.Any(p => p.Nuget is not null) ? [plan.Layout.Nuget] : Array.Empty<string>(),
        ];
        using var staging = new StagedFiles(folders);
        var temporary = plan.Platforms.ToDictionary(p => p, p => (
            Wheel: p.Wheel is { } wheel ? staging.Reserve(wheel.Path) : null,
            Tarball: staging.Reserve(p.NpmPackage.Path),
            Archive: p.Archive is { } archive ? staging.Reserve(archive.Path) : null,
            Nuget: p.Nuget is { } nuget ? staging.Reserve(nuget.Path) : null));

        try
        {
            Parallel.ForEach(plan.Platforms, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellation }, platform =>
            {
                var (wheelTemp, tarballTemp, archiveTemp, nugetTemp) = temporary[platform];
                using var wheel = wheelTemp is null ? null : new FileStream(wheelTemp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
                using var tarball = new FileStream(tarballTemp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                // A zip archive patches each local header once its entry's sizes are known, so it is opened for reading too.
                using var archive = archiveTemp is null ? null : new FileStream(archiveTemp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
                using var nuget = nugetTemp is null ? null : new FileStream(nugetTemp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
                PlatformPackager.Write(platform, wheel, tarball, archive, nuget, timestamp, cancellation);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // Report the first target's failure as itself, not wrapped: the CLI turns it into one line.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        staging.Commit();
    }
}
