using System.Collections.Immutable;
using Crossdock.Config;

namespace Crossdock.Init;

/// <summary>
/// What a manifest says for the registries' pages beyond name, description and licence: people, keywords, licence
/// files, labelled links and, from pyproject.toml, the PyPI-only keys. Each list is empty when the manifest says nothing.
/// </summary>
/// <param name="LicenseFiles">Paths or PEP 639 globs, relative to the project folder.</param>
/// <param name="PythonSource">maturin's <c>[tool.maturin] python-source</c>: the project's own Python package folder.</param>
public sealed record RegistryMetadata(
    ImmutableArray<Person> Authors,
    ImmutableArray<Person> Maintainers,
    ImmutableArray<string> Keywords,
    ImmutableArray<string> LicenseFiles,
    ImmutableArray<ProjectUrl> Urls,
    ImmutableArray<string> Classifiers,
    string? RequiresPython = null,
    string? PythonSource = null)
{
    public static RegistryMetadata Empty { get; } = new([], [], [], [], [], []);

    /// <summary>This manifest's values, each gap filled from <paramref name="other"/>; links are merged by label, first wins.</summary>
    public RegistryMetadata Or(RegistryMetadata other) => new(
        Authors.IsEmpty ? other.Authors : Authors,
        Maintainers.IsEmpty ? other.Maintainers : Maintainers,
        Keywords.IsEmpty ? other.Keywords : Keywords,
        LicenseFiles.IsEmpty ? other.LicenseFiles : LicenseFiles,
        [.. Urls, .. other.Urls.Where(u => Urls.All(mine => mine.Label != u.Label))],
        Classifiers.IsEmpty ? other.Classifiers : Classifiers,
        RequiresPython ?? other.RequiresPython,
        PythonSource ?? other.PythonSource);

    /// <summary>"Ann Example &lt;ann@example.com&gt;" (Cargo's and npm's form; npm may add " (url)") as a person.</summary>
    public static Person? ParsePerson(string text)
    {
        var withoutUrl = System.Text.RegularExpressions.Regex.Replace(text, @"\s*\([^)]*\)\s*$", "");
        var open = withoutUrl.IndexOf('<', StringComparison.Ordinal);
        var close = withoutUrl.LastIndexOf('>');
        if (open >= 0 && close > open)
        {
            var name = withoutUrl[..open].Trim();
            var email = withoutUrl[(open + 1)..close].Trim();
            return name.Length == 0 && email.Length == 0 ? null : new Person(name.Length > 0 ? name : null, email.Length > 0 ? email : null);
        }
        var plain = withoutUrl.Trim();
        return plain.Length == 0 ? null : plain.Contains('@', StringComparison.Ordinal) && !plain.Contains(' ', StringComparison.Ordinal) ? new Person(null, plain) : new Person(plain, null);
    }
}
