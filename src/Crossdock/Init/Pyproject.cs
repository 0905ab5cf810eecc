using Crossdock.Config;
using Tomlyn.Model;

namespace Crossdock.Init;

/// <summary>
/// pyproject.toml's <c>[project]</c> table (PEP 621): metadata, the first console script's name, and for a maturin
/// project (<c>[tool.maturin]</c>, usually <c>bindings = "bin"</c> beside a Cargo.toml) its <c>python-source</c>.
/// </summary>
public static class Pyproject
{
    public const string FileName = "pyproject.toml";

    private static readonly string[] RepositoryKeys = ["Repository", "repository", "Source", "source", "Source Code", "GitHub"];
    private static readonly string[] HomepageKeys = ["Homepage", "homepage", "Home", "Documentation"];

    public static ProjectFacts? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        var document = ManifestToml.Read(path);
        var project = ManifestToml.Table(document, "project");
        var maturin = ManifestToml.Table(document, "tool.maturin");
        if (project is null && maturin is null) return new ProjectFacts(Sources: [FileName]);
        var urls = ManifestToml.Table(project ?? [], "urls");
        var scripts = ManifestToml.Table(project ?? [], "scripts");
        var repositoryKey = RepositoryKeys.FirstOrDefault(k => ManifestToml.String(urls, k) is not null);
        var homepageKey = HomepageKeys.FirstOrDefault(k => ManifestToml.String(urls, k) is not null);
        // Homepage and Repository have keys of their own in crossdock.toml; the other links stay labelled.
        var links = urls is null ? [] : urls.Where(u => u.Key != repositoryKey && u.Key != homepageKey && u.Value is string)
            .Select(u => new ProjectUrl(u.Key, (string)u.Value));
        return new ProjectFacts(
            Name: ManifestToml.String(project, "name"),
            Version: ManifestToml.String(project, "version"),
            Description: ManifestToml.String(project, "description"),
            License: ManifestToml.String(project, "license") ?? ManifestToml.String(ManifestToml.Table(project ?? [], "license"), "text"),
            Repository: repositoryKey is null ? null : ManifestToml.String(urls, repositoryKey),
            Homepage: homepageKey is null ? null : ManifestToml.String(urls, homepageKey),
            Commands: ProjectFacts.Named([scripts?.Keys.FirstOrDefault()]),
            Readme: ManifestToml.String(project, "readme") ?? ManifestToml.String(ManifestToml.Table(project ?? [], "readme"), "file"),
            Sources: [FileName],
            Metadata: new RegistryMetadata(
                People(project, "authors"),
                People(project, "maintainers"),
                [.. ManifestToml.Strings(project, "keywords")],
                [.. ManifestToml.Strings(project, "license-files")],
                [.. links],
                [.. ManifestToml.Strings(project, "classifiers")],
                ManifestToml.String(project, "requires-python"),
                ManifestToml.String(maturin, "python-source")));
    }

    /// <summary>
    /// Whether maturin builds the project: its <c>[project]</c> table is then what PyPI shows, so it wins over
    /// Cargo.toml's values (maturin's own rule). With <c>bindings = "bin"</c> the wheel ships the cargo binary, as crossdock does.
    /// </summary>
    public static bool BuiltByMaturin(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) && ManifestToml.Table(ManifestToml.Read(path), "tool.maturin") is not null;
    }

    /// <summary>PEP 621's people, <c>[{ name, email }]</c>, which Tomlyn reads as an array of inline tables or as [[project.authors]].</summary>
    private static System.Collections.Immutable.ImmutableArray<Person> People(TomlTable? project, string key)
    {
        IEnumerable<TomlTable> tables = ManifestToml.Value(project, key) switch
        {
            TomlTableArray array => array,
            TomlArray inline => inline.OfType<TomlTable>(),
            _ => [],
        };
        return [.. tables.Select(p => new Person(ManifestToml.String(p, "name"), ManifestToml.String(p, "email"))).Where(p => p.Name is not null || p.Email is not null)];
    }
}
