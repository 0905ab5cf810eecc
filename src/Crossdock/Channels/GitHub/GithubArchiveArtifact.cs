using System.Collections.Immutable;
using Crossdock.Core.Targets;
using Crossdock.Plan;

namespace Crossdock.Channels.GitHub;

/// <summary>How a target's archive is packed: what its users' own tools unpack (tar on Unix, Explorer on Windows).</summary>
public enum ArchiveFormat
{
    TarGz,
    Zip,
}

/// <summary>
/// One target's GitHub Release archive, <c>{name}-{target}.tar.gz</c> (<c>.zip</c> for Windows): every command's
/// executable, the README and the licence files, all at the top level.
/// </summary>
/// <param name="Path">Where the archive goes (absolute).</param>
/// <param name="BinaryEntries">Each command's executable in the archive, in command order.</param>
/// <param name="Files">The README and licence files, written after the executables.</param>
public sealed record GithubArchiveArtifact(string Path, Target Target, ArchiveFormat Format, ImmutableArray<string> BinaryEntries, ImmutableArray<PlannedFile> Files)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}
