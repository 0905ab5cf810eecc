using Crossdock.Channels.GitHub;
using Crossdock.Channels.Npm;
using Crossdock.Channels.NuGet;
using Crossdock.Channels.Pypi;
using Crossdock.Core.Archives;

namespace Crossdock.Release;

/// <summary>
/// Writes one target's packages from its binaries in a single pass each: every binary is read, hashed and
/// compressed once, chunk by chunk on every worker (<see cref="SharedDeflate"/>), and the DEFLATE output goes into
/// the wheel, the npm platform package, the GitHub archive and the NuGet RID package at the same time. Memory stays
/// at the workers' chunk buffers whatever the binaries' sizes.
/// </summary>
public static class PlatformPackager
{
    /// <param name="wheelOutput">Null exactly when the plan has no wheel for the target (FreeBSD).</param>
    /// <param name="archiveOutput">Where the GitHub archive goes; null when the plan has none.</param>
    /// <param name="nugetOutput">Where the NuGet RID package goes; null when the plan has none.</param>
    /// <param name="read">Hears of the binaries' bytes as they are read (for a progress bar); may be called often.</param>
    public static void Write(PlatformRelease platform, Stream? wheelOutput, Stream tarballOutput, Stream? archiveOutput, Stream? nugetOutput, DateTimeOffset timestamp, DeflateWorkers workers, Action<long>? read, CancellationToken cancellation)
    {
        var wheel = platform.Wheel is { } planned ? new WheelWriter(wheelOutput!, planned, timestamp) : null;
        var npm = new PlatformPackageWriter(tarballOutput, platform.NpmPackage, timestamp);
        var archive = platform.Archive is { } plannedArchive ? new ArchiveWriter(archiveOutput!, plannedArchive, timestamp) : null;
        var nuget = platform.Nuget is { } plannedNuget ? new NugetPackageWriter(nugetOutput!, plannedNuget, timestamp) : null;
        var commands = platform.Binaries.Commands;
        for (var i = 0; i < commands.Length; i++)
        {
            ISplicedEntry?[] candidates = [npm.BeginExecutable(i, commands[i].Size), wheel?.BeginExecutable(i), archive?.BeginExecutable(i, commands[i].Size), nuget?.BeginExecutable(i)];
            SharedDeflate.Compress(commands[i].SourcePath, commands[i].Size, [.. candidates.OfType<ISplicedEntry>()], workers, read, cancellation);
        }
        npm.Finish();
        wheel?.Finish();
        archive?.Finish();
        nuget?.Finish();
    }
}
