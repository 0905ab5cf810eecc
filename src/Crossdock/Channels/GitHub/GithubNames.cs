using Crossdock.Core.Targets;

namespace Crossdock.Channels.GitHub;

/// <summary>
/// The names of a GitHub Release's assets. None carries the version (cargo-dist's convention), so
/// <c>releases/latest/download/NAME</c> is a link that always gets the newest release.
/// </summary>
public static class GithubNames
{
    /// <summary>Every archive, wheel and npm tarball with its sha256, in the <c>sha256sum -c</c> format.</summary>
    public const string ChecksumFile = "sha256.sum";

    /// <summary>Every artifact with its target, kind, size and sha256 (cargo-dist's file name and field names).</summary>
    public const string Manifest = "dist-manifest.json";

    public static string ArchiveExtension(Target target) => target.Os == OperatingSystemFamily.Windows ? ".zip" : ".tar.gz";

    public static ArchiveFormat ArchiveFormat(Target target) => target.Os == OperatingSystemFamily.Windows ? GitHub.ArchiveFormat.Zip : GitHub.ArchiveFormat.TarGz;

    /// <summary><c>{name}-{target}.tar.gz</c>: what cargo-binstall, ubi and mise find without being told.</summary>
    public static string ArchiveFileName(string name, Target target) => $"{name}-{target.Triple}{ArchiveExtension(target)}";

    /// <summary>The target whose archive <paramref name="fileName"/> is; null when it is no archive of <paramref name="name"/>.</summary>
    public static Target? TargetOfArchive(string name, string fileName) =>
        TargetTable.All.FirstOrDefault(t => ArchiveFileName(name, t) == fileName);

    /// <summary>A tag the installers can put in a URL and a shell string as it is: letters, digits, <c>. _ + - /</c>.</summary>
    public static bool IsTagName(string tag) =>
        tag.Length > 0 && tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' or '-' or '/') && !tag.Contains("..", StringComparison.Ordinal);

    /// <summary>
    /// How the installers and the formula name a Linux target's C library: gnu, musl, or none for a program that needs
    /// none (it runs on both, so it is every Linux machine's fallback).
    /// </summary>
    public static string LibcOf(Target target) =>
        target.Os != OperatingSystemFamily.Linux ? "-" : target.Libc?.Name ?? "none";

    public static string ShellInstaller(string name) => $"{name}-installer.sh";

    public static string PowerShellInstaller(string name) => $"{name}-installer.ps1";

    /// <summary>Homebrew wants the formula file named like the formula, in lower case.</summary>
    public static string Formula(string name) => $"{name.ToLowerInvariant()}.rb";

    /// <summary>The installers' environment variables start with the first command, upper-cased, <c>-</c> as <c>_</c>: <c>MY_TOOL_INSTALL_DIR</c>.</summary>
    public static string EnvironmentPrefix(string command) =>
        string.Concat(command.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
}
