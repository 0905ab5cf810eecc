using System.Text;
using Crossdock.Core;
using Crossdock.Plan;

namespace Crossdock.Channels.Pypi;

/// <summary>The text files of a wheel's .dist-info folder: METADATA (core metadata 2.4), WHEEL and RECORD.</summary>
public static class WheelMetadata
{
    public const string MetadataVersion = "2.4";

    /// <summary>
    /// METADATA: the header fields PyPI and twine read, then the readme as the body. Metadata-Version 2.4 is
    /// needed for License-Expression (PEP 639).
    /// </summary>
    public static string Metadata(ProjectMetadata project, ReleaseVersion version)
    {
        var text = new StringBuilder();
        Line(text, "Metadata-Version", MetadataVersion);
        Line(text, "Name", project.PypiName);
        Line(text, "Version", version.Pep440);
        if (project.Description is { } summary) Line(text, "Summary", OneLine(summary));
        var metadata = project.Metadata;
        if (!metadata.Keywords.IsEmpty) Line(text, "Keywords", string.Join(',', metadata.Keywords));
        People(text, "Author", metadata.Authors);
        People(text, "Maintainer", metadata.Maintainers);
        if (project.License is { } license) Line(text, "License-Expression", license);
        foreach (var file in metadata.LicenseFiles) Line(text, "License-File", file.RelativePath);
        foreach (var classifier in project.Classifiers) Line(text, "Classifier", classifier);
        if (project.RequiresPython is { } requires) Line(text, "Requires-Python", requires);
        foreach (var (label, url) in ProjectUrls(project)) Line(text, "Project-URL", $"{label}, {url}");
        if (project.Readme is { } readme)
        {
            Line(text, "Description-Content-Type", readme.ContentType);
            text.Append('\n');
            text.Append(readme.Text);
            if (text[^1] != '\n') text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>WHEEL: one <c>Tag:</c> line per expanded tag, as pip and warehouse compare them with the filename.</summary>
    public static string Wheel(WheelTag tag, string generator)
    {
        var text = new StringBuilder();
        Line(text, "Wheel-Version", "1.0");
        Line(text, "Generator", generator);
        Line(text, "Root-Is-Purelib", "false");
        foreach (var expanded in tag.Expanded) Line(text, "Tag", expanded);
        return text.ToString();
    }

    /// <summary>The archive path of a licence file (PEP 639): under <c>.dist-info/licenses/</c>, with its project-relative path.</summary>
    public static string LicenseEntry(string distInfoDirectory, Config.LicenseFile file) => $"{distInfoDirectory}/licenses/{file.RelativePath}";

    /// <summary>Every Project-URL: [package] homepage and repository, then [package.urls] (a label already given is not repeated).</summary>
    private static IEnumerable<(string Label, string Url)> ProjectUrls(ProjectMetadata project)
    {
        var links = new List<(string Label, string Url)>();
        if (project.Homepage is { } homepage) links.Add(("Homepage", homepage));
        if (project.Repository is { } repository) links.Add(("Repository", repository));
        foreach (var url in project.Metadata.Urls.Where(u => !links.Any(l => string.Equals(l.Label, u.Label, StringComparison.OrdinalIgnoreCase))))
        {
            links.Add((url.Label, url.Url));
        }
        return links;
    }

    /// <summary>
    /// PEP 621's mapping of authors (or maintainers) to core metadata: the names of those without an email in
    /// <c>Author</c>, the others as RFC 822 addresses in <c>Author-email</c>, each field comma-separated.
    /// </summary>
    private static void People(StringBuilder text, string field, IEnumerable<Config.Person> people)
    {
        var list = people.ToList();
        var names = list.Where(p => p.Email is null).Select(p => p.Name!).ToList();
        var addresses = list.Where(p => p.Email is not null).Select(p => p.Name is { } name ? $"{Quoted(name)} <{p.Email}>" : p.Email!).ToList();
        if (names.Count > 0) Line(text, field, string.Join(", ", names));
        if (addresses.Count > 0) Line(text, field + "-email", string.Join(", ", addresses));
    }

    /// <summary>A display name as RFC 822 wants it: quoted when it holds a character with a meaning in addresses.</summary>
    private static string Quoted(string name) =>
        name.AsSpan().IndexOfAny(",<>@\"();:[]") >= 0 ? "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : name;

    private static void Line(StringBuilder text, string field, string value) => text.Append(field).Append(": ").Append(value).Append('\n');

    private static string OneLine(string value) => string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
