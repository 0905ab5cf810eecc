namespace Crossdock.Init;

/// <summary>pyproject.toml's <c>[project]</c> table (PEP 621): metadata and the first console script's name.</summary>
public static class Pyproject
{
    public const string FileName = "pyproject.toml";

    private static readonly string[] RepositoryKeys = ["Repository", "repository", "Source", "source", "Source Code", "GitHub"];
    private static readonly string[] HomepageKeys = ["Homepage", "homepage", "Home", "Documentation"];

    public static ProjectFacts? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        var project = ManifestToml.Table(ManifestToml.Read(path), "project");
        if (project is null) return new ProjectFacts(Sources: [FileName]);
        var urls = ManifestToml.Table(project, "urls");
        var scripts = ManifestToml.Table(project, "scripts");
        return new ProjectFacts(
            Name: ManifestToml.String(project, "name"),
            Version: ManifestToml.String(project, "version"),
            Description: ManifestToml.String(project, "description"),
            License: ManifestToml.String(project, "license") ?? ManifestToml.String(ManifestToml.Table(project, "license"), "text"),
            Repository: RepositoryKeys.Select(k => ManifestToml.String(urls, k)).FirstOrDefault(u => u is not null),
            Homepage: HomepageKeys.Select(k => ManifestToml.String(urls, k)).FirstOrDefault(u => u is not null),
            Commands: ProjectFacts.Named([scripts?.Keys.FirstOrDefault()]),
            Sources: [FileName]);
    }
}
