using System.Collections.Immutable;
using Crossdock.Core.Targets;
using Crossdock.Plan;

namespace Crossdock.Channels.GitHub;

/// <summary>A target's archive as <c>assemble</c> found it in <c>OUT/github</c>, with what the installers need to pick it.</summary>
/// <param name="Executables">Each command's executable at the archive's top level, in command order.</param>
/// <param name="IsStatic">Linux: its first command has no program interpreter, so it runs whatever the C library.</param>
public sealed record ArchiveRef(Target Target, string Path, long Size, string Sha256, ImmutableArray<string> Executables, bool IsStatic)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}

/// <summary>The kinds of file the checksum file and the manifest list (the manifest's <c>kind</c> values).</summary>
public enum ReleaseFileKind
{
    Archive,
    Wheel,
    NpmPackage,
    Installer,
}

/// <summary>A file of the release that the checksum file and the manifest list, hashed when they are written.</summary>
/// <param name="Path">Where the file is (or will be, for one this run writes).</param>
/// <param name="Targets">The targets it serves; empty for one that serves all (an installer, the main npm package).</param>
public sealed record ReleaseFile(string Path, ReleaseFileKind Kind, ImmutableArray<Target> Targets)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}

/// <summary>Where a release's assets are downloaded from: the repository and the tag.</summary>
public sealed record GithubReleaseLocation(string Repository, string Tag)
{
    /// <summary>The folder URL every asset of the release is under.</summary>
    public string DownloadUrl => $"https://github.com/{Repository}/releases/download/{Tag}";
}

/// <summary>
/// What <c>assemble</c> adds to <c>OUT/github</c> once every archive is there: the installers and the Homebrew
/// formula (their text, sha256s of the archives baked in), then the checksum file and the manifest over every
/// archive, wheel, npm tarball and installer.
/// </summary>
/// <param name="AppName">[package] name, as the manifest names the release.</param>
/// <param name="Version">The release's version (semver, as the tag spells it).</param>
/// <param name="Location">Where the release lives; null when crossdock.toml names no GitHub repository (no installers then).</param>
/// <param name="Texts">The installers and the formula, by file name in <c>OUT/github</c>.</param>
/// <param name="Listed">Every file the checksum file and the manifest list, in file-name order.</param>
/// <param name="Warnings">What is left out, and why.</param>
public sealed record GithubAssembly(
    string Folder,
    string AppName,
    string Version,
    bool IsPreRelease,
    string Generator,
    GithubReleaseLocation? Location,
    ImmutableArray<ArchiveRef> Archives,
    ImmutableArray<PlannedText> Texts,
    ImmutableArray<ReleaseFile> Listed,
    ImmutableArray<string> Warnings)
{
    public string ChecksumFilePath => System.IO.Path.Combine(Folder, GithubNames.ChecksumFile);

    public string ManifestPath => System.IO.Path.Combine(Folder, GithubNames.Manifest);
}
