namespace Crossdock.Plan;

/// <summary>
/// Where a release's artifacts live under the output folder (<c>dist/</c>): one folder per channel, the same for
/// every command (pack writes there, assemble, verify and publish read there).
/// </summary>
public sealed record ReleaseLayout(string Root)
{
    public const string PypiFolder = "pypi";
    public const string NpmFolder = "npm";
    public const string GithubFolder = "github";
    public const string NugetFolder = "nuget";

    /// <summary>The wheels.</summary>
    public string Pypi => Path.Combine(Root, PypiFolder);

    /// <summary>The npm platform packages and the main package.</summary>
    public string Npm => Path.Combine(Root, NpmFolder);

    /// <summary>The GitHub Release assets: archives, checksums, manifest, installers, Homebrew formula.</summary>
    public string Github => Path.Combine(Root, GithubFolder);

    /// <summary>The .NET tool packages: one per RID, and the pointer package listing them.</summary>
    public string Nuget => Path.Combine(Root, NugetFolder);

    public static ReleaseLayout At(string root) => new(Path.GetFullPath(root));
}
