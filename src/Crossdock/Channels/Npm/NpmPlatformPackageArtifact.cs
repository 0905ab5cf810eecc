using System.Collections.Immutable;
using Crossdock.Core.Targets;
using Crossdock.Plan;

namespace Crossdock.Channels.Npm;

/// <summary>An npm platform package to write, <c>{name}-{version}.tgz</c> (npm pack's naming), with every entry decided.</summary>
/// <param name="Path">Where the tarball goes (absolute).</param>
/// <param name="BinaryEntries">Path of each command's executable inside the package (after <c>package/</c>), in command order.</param>
/// <param name="Files">The small files before the executables, in tarball order: package.json first, so readers find it at once.</param>
public sealed record NpmPlatformPackageArtifact(
    string Name,
    string Version,
    string Path,
    NpmPlatform Platform,
    ImmutableArray<string> BinaryEntries,
    ImmutableArray<PlannedFile> Files)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}
