using System.Text.RegularExpressions;

namespace Crossdock.Config;

/// <summary><c>[github]</c>: whether <c>pack</c> writes the release archives, and the repository the release lives in.</summary>
/// <param name="Archives">false: no archives, so no checksums, installers or formula either.</param>
/// <param name="Repository"><c>owner/name</c>; null when crossdock.toml names no GitHub repository.</param>
public sealed partial record GithubConfig(bool Archives, string? Repository)
{
    public static bool IsRepositoryName(string name) => RepositoryName().IsMatch(name) && !name.EndsWith(".git", StringComparison.Ordinal);

    /// <summary>
    /// <c>owner/name</c> from a github.com repository URL as package.json and Cargo.toml write them
    /// (<c>https://github.com/o/n</c>, <c>.git</c>, <c>git+https://</c>, <c>git@github.com:o/n.git</c>, a deeper path);
    /// null for any other host.
    /// </summary>
    public static string? RepositoryOf(string? url)
    {
        if (url is null) return null;
        var match = GithubUrl().Match(url.Trim());
        if (!match.Success) return null;
        var name = $"{match.Groups["owner"].Value}/{match.Groups["name"].Value}";
        if (name.EndsWith(".git", StringComparison.Ordinal)) name = name[..^4];
        return IsRepositoryName(name) ? name : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex RepositoryName();

    [GeneratedRegex(@"^(?:git\+)?(?:(?:https?|ssh|git)://(?:[^@/]+@)?github\.com/|git@github\.com:)(?<owner>[^/]+)/(?<name>[^/#?]+)", RegexOptions.IgnoreCase)]
    private static partial Regex GithubUrl();
}
