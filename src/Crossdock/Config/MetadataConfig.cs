using System.Collections.Immutable;

namespace Crossdock.Config;

/// <summary>An author or maintainer, as pyproject.toml writes them: a name, an email, or both.</summary>
public sealed record Person(string? Name, string? Email)
{
    /// <summary>"Name &lt;email&gt;", "Name" or "email": the one-line form npm's author field and messages use.</summary>
    public override string ToString() =>
        Name is not null && Email is not null ? $"{Name} <{Email}>" : Name ?? Email ?? "";
}

/// <summary>A labelled link, <c>[package.urls] Documentation = "..."</c>: a Project-URL on PyPI.</summary>
public sealed record ProjectUrl(string Label, string Url);

/// <summary>A licence file (PEP 639): its path relative to the project folder, as packages name it, and where it is.</summary>
/// <param name="RelativePath">Forward slashes, inside the project folder: what License-File and the archives name.</param>
public sealed record LicenseFile(string RelativePath, string FullPath);

/// <summary>
/// What the registries' pages show beyond the name and description, with pyproject.toml's spellings:
/// <c>[package] authors, maintainers, keywords, license-files</c> and <c>[package.urls]</c>.
/// </summary>
public sealed record MetadataConfig(
    ImmutableArray<Person> Authors,
    ImmutableArray<Person> Maintainers,
    ImmutableArray<string> Keywords,
    ImmutableArray<LicenseFile> LicenseFiles,
    ImmutableArray<ProjectUrl> Urls)
{
    public static MetadataConfig None { get; } = new([], [], [], [], []);

    /// <summary>The link labelled like an issue tracker ("Issues", "Bug Tracker", ...): npm's <c>bugs</c>.</summary>
    public ProjectUrl? IssueTracker => Urls.FirstOrDefault(u =>
        u.Label.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() is "issues" or "bugtracker" or "bugs" or "tracker" or "issuetracker");
}
