namespace Crossdock.Channels.Npm;

/// <summary>Where things are inside the npm packages crossdock writes: the one place their paths are spelled.</summary>
public static class NpmPackageLayout
{
    /// <summary>npm's tarball layout: every entry under <c>package/</c>.</summary>
    public const string Root = "package/";

    /// <summary>A platform package's executable (after <c>package/</c>): <c>bin/mytool</c>, <c>bin/mytool.exe</c>.</summary>
    public static string Executable(string fileName) => $"bin/{fileName}";

    /// <summary>The main package's launcher for a command (after <c>package/</c>); it is the package's <c>bin</c>.</summary>
    public static string Launcher(string command) => $"bin/{command}.js";

    /// <summary>Every file of a platform package (after <c>package/</c>): verify flags any other.</summary>
    public static IReadOnlyList<string> PlatformPackageFiles(IEnumerable<string> executableFileNames, IEnumerable<string> licenseFiles) =>
        ["package.json", "README.md", .. executableFileNames.Select(Executable), .. licenseFiles];

    /// <summary>Every file of the main package (after <c>package/</c>): verify flags any other.</summary>
    public static IReadOnlyList<string> MainPackageFiles(IEnumerable<string> commands, IEnumerable<string> licenseFiles) =>
        ["package.json", "README.md", .. commands.Select(Launcher), .. licenseFiles];

    /// <summary>The tarball entry of a path inside the package.</summary>
    public static string Entry(string path) => Root + path;
}
