using System.Collections.Immutable;
using Crossdock.Core.Targets;
using Crossdock.Plan;

namespace Crossdock.Channels.Npm;

/// <summary>A platform package found in the output folder, and the target it serves.</summary>
public sealed record PlatformPackageRef(Target Target, string Name, string Version, string TarballPath, string BinaryEntry);

/// <summary>
/// The main npm package to write: its name and version, the command it provides, and the platform packages
/// it pins exactly as optional dependencies (npm installs only the one whose os/cpu/libc match).
/// </summary>
/// <param name="Path">Where the tarball goes (absolute).</param>
/// <param name="Files">package.json, README.md and the launcher, in tarball order; empty until planned.</param>
public sealed record MainPackageArtifact(
    string Name,
    string Version,
    string Path,
    string Bin,
    ImmutableArray<PlatformPackageRef> Platforms,
    ImmutableArray<PlannedFile> Files)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The launcher's path inside the package; it is the package's <c>bin</c>.</summary>
    public string LauncherEntry => NpmPackageLayout.Launcher(Bin);

    /// <summary>The oldest Node the launcher supports (it uses only APIs that existed in Node 14).</summary>
    public const string NodeEngines = ">=14";
}
