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
    public static void Write(PlatformRelease platform, Stream wheelOutput, Stream tarballOutput, DateTimeOffset timestamp, CancellationToken cancellation)
    {
        var wheel = new WheelWriter(wheelOutput, platform.Wheel, timestamp);
        var npm = new PlatformPackageWriter(tarballOutput, platform.NpmPackage, timestamp);
        var commands = platform.Binaries.Commands;
        for (var i = 0; i < commands.Length; i++)
        {
            SharedDeflate.Compress(commands[i].SourcePath, commands[i].Size, [npm.BeginExecutable(i, commands[i].Size), wheel.BeginExecutable(i)], cancellation);
        }
        npm.Finish();
        wheel.Finish();
    }
}
