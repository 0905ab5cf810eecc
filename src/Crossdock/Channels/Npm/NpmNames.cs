namespace Crossdock.Channels.Npm;

/// <summary>npm's naming conventions for tarballs and repository URLs.</summary>
public static class NpmNames
{
    /// <summary>The file <c>npm pack</c> would write: <c>@scope/name</c> 1.0.0 becomes <c>scope-name-1.0.0.tgz</c>.</summary>
    public static string TarballFileName(string packageName, string version) =>
        $"{packageName.TrimStart('@').Replace('/', '-')}-{version}.tgz";

    /// <summary>The environment variable that overrides the binary path: command <c>my-cli</c> gives <c>MY_CLI_BINARY_PATH</c>.</summary>
    public static string BinaryPathVariable(string bin) => EnvironmentName(bin) + "_BINARY_PATH";

    /// <summary>The environment variable that overrides libc detection on Linux (glibc or musl).</summary>
    public static string LibcVariable(string bin) => EnvironmentName(bin) + "_LIBC";

    private static string EnvironmentName(string bin) =>
        new(bin.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
