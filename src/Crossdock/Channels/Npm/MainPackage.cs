using System.Collections.Immutable;
using Crossdock.Core.Targets;
using Crossdock.Plan;

namespace Crossdock.Channels.Npm;

/// <summary>A platform package found in the output folder, the target it serves, and where each command's executable is in it.</summary>
/// <param name="BinaryEntries">Each command's executable inside the package (after <c>package/</c>), in command order.</param>
public sealed record PlatformPackageRef(Target Target, string Name, string Version, string TarballPath, ImmutableArray<string> BinaryEntries);

/// <summary>
/// The main npm package to write: its name and version, the commands it provides, and the platform packages
/// it pins exactly as optional dependencies (npm installs only the one whose os/cpu/libc match).
/// </summary>
/// <param name="Path">Where the tarball goes (absolute).</param>
/// <param name="Commands">The commands, in configured order; each gets a launcher file, the first holds the launcher itself.</param>
/// <param name="Files">package.json, README.md, the launchers and the licence files, in tarball order; empty until planned.</param>
public sealed record MainPackageArtifact(
    string Name,
    string Version,
    string Path,
    ImmutableArray<string> Commands,
    ImmutableArray<PlatformPackageRef> Platforms,
    ImmutableArray<PlannedFile> Files)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The first command, whose launcher file holds the launcher; the others' files call it.</summary>
    public string Bin => Commands[0];

    /// <summary>The launcher's path inside the package (the first command's <c>bin</c>).</summary>
    public string LauncherEntry => NpmPackageLayout.Launcher(Bin);

    /// <summary>The oldest Node the launcher supports (it uses only APIs that existed in Node 14).</summary>
    public const string NodeEngines = ">=14";
}
