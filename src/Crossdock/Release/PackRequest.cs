using System.Collections.Immutable;
using Crossdock.Channels.Pypi;
using Crossdock.Config;

namespace Crossdock.Release;

/// <summary>What <c>crossdock pack</c> was asked to do, after the command line was parsed.</summary>
/// <param name="Binaries">The binaries, each with the target triple given for it (null: detect it).</param>
public sealed record PackRequest(
    ProjectConfig Config,
    ImmutableArray<(string Path, string? Triple)> Binaries,
    string? VersionOverride,
    string OutputDirectory,
    StaticLinuxTags StaticLinuxTags);
