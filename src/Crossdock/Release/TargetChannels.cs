using System.Collections.Immutable;
using Crossdock.Channels.Pypi;
using Crossdock.Core.Targets;

namespace Crossdock.Release;

/// <summary>
/// Which release channels can carry a target, each asked through its own code (channels never know each
/// other, so the release-wide answer lives here). The names are the stable ones <c>crossdock targets --json</c>
/// prints: "pypi", "npm", "github" and "nuget".
/// </summary>
public static class TargetChannels
{
    public const string Pypi = "pypi";
    public const string Npm = "npm";
    public const string Github = "github";
    public const string Nuget = "nuget";

    /// <summary>Every channel name crossdock knows, in the order releases publish them.</summary>
    public static ImmutableArray<string> Names { get; } = [Pypi, Npm, Github, Nuget];

    /// <summary>The channels that can ship <paramref name="target"/>, in <see cref="Names"/> order.</summary>
    public static ImmutableArray<string> For(Target target)
    {
        var channels = ImmutableArray.CreateBuilder<string>();
        if (WheelTagOutline.For(target).HasWheel) channels.Add(Pypi);
        // npm takes any os/cpu pair: every target has a platform package (its suffix and os/cpu/libc are in the table).
        channels.Add(Npm);
        // A GitHub Release archive is a plain .tar.gz or .zip of the commands: any target can have one.
        channels.Add(Github);
        // A .NET tool's RID package needs a runtime identifier the SDK resolves; the table has one where .NET does.
        if (target.DotnetRid is not null) channels.Add(Nuget);
        return channels.ToImmutable();
    }
}
