namespace Crossdock.Release;

/// <summary>
/// Executes a <see cref="ReleasePlan"/>: every target's wheel and npm package, targets in parallel up to the
/// given number of cores. All-or-nothing: files are written under temporary names and renamed only when every
/// target succeeded; on any failure (or Ctrl-C) the temporary files are removed and the output is untouched.
/// </summary>
public static class ReleaseWriter
{
    public const string PypiFolder = "pypi";
    public const string NpmFolder = "npm";

    public sealed record WrittenPlatform(PlatformRelease Platform, string WheelPath, string TarballPath);

    public static IReadOnlyList<WrittenPlatform> Write(ReleasePlan plan, DateTimeOffset timestamp, int parallelism, CancellationToken cancellation)
    {
        var pypiDir = Path.Combine(plan.OutputDirectory, PypiFolder);
        var npmDir = Path.Combine(plan.OutputDirectory, NpmFolder);
        using var staging = new StagedFiles(plan.OutputDirectory, pypiDir, npmDir);

        var written = plan.Platforms.Select(p => new WrittenPlatform(p,
            Path.Combine(pypiDir, p.Wheel.FileName), Path.Combine(npmDir, p.NpmPackage.FileName))).ToList();
        var temporary = written.ToDictionary(w => w, w => (Wheel: staging.Reserve(w.WheelPath), Tarball: staging.Reserve(w.TarballPath)));

        try
        {
            Parallel.ForEach(written, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellation }, item =>
            {
                var (wheelTemp, tarballTemp) = temporary[item];
                using var wheel = new FileStream(wheelTemp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
                using var tarball = new FileStream(tarballTemp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                PlatformPackager.Write(plan, item.Platform, wheel, tarball, timestamp, cancellation);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // Report the first target's failure as itself, not wrapped: the CLI turns it into one line.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        staging.Commit();
        return written;
    }
}
