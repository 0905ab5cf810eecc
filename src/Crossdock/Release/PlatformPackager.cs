using Crossdock.Channels.Npm;
using Crossdock.Channels.Pypi;
using Crossdock.Core.Archives;

namespace Crossdock.Release;

/// <summary>
/// Writes one target's packages from its binaries in a single pass each: every binary is read, hashed and
/// compressed once (<see cref="SharedDeflate"/>), and the DEFLATE output goes into the wheel and the npm platform
/// package at the same time. Memory stays at one chunk whatever the binaries' sizes.
/// </summary>
public static class PlatformPackager
{
    /// <param name="wheelOutput">Null exactly when the plan has no wheel for the target (FreeBSD).</param>
    public static void Write(PlatformRelease platform, Stream? wheelOutput, Stream tarballOutput, DateTimeOffset timestamp, CancellationToken cancellation)
    {
        var wheel = platform.Wheel is { } planned ? new WheelWriter(wheelOutput!, planned, timestamp) : null;
        var npm = new PlatformPackageWriter(tarballOutput, platform.NpmPackage, timestamp);
        var commands = platform.Binaries.Commands;
        for (var i = 0; i < commands.Length; i++)
        {
            ISplicedEntry[] entries = wheel is null
                ? [npm.BeginExecutable(i, commands[i].Size)]
                : [npm.BeginExecutable(i, commands[i].Size), wheel.BeginExecutable(i)];
            SharedDeflate.Compress(commands[i].SourcePath, commands[i].Size, entries, cancellation);
        }
        npm.Finish();
        wheel?.Finish();
    }
}
