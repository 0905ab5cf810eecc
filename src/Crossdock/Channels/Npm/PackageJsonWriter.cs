using System.Text.Encodings.Web;
using System.Text.Json;
using Crossdock.Plan;

namespace Crossdock.Channels.Npm;

/// <summary>
/// Writes package.json documents with a fixed key order (npm's own order: name, version, description...), two-space
/// indentation and a final newline, so that generated packages are byte-for-byte reproducible and diff well.
/// </summary>
internal static class PackageJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The metadata fields shared by every package of a release.</summary>
    public static void WriteCommonFields(Utf8JsonWriter json, ProjectMetadata project)
    {
        var metadata = project.Metadata;
        if (!metadata.Keywords.IsEmpty) WriteArray(json, "keywords", [.. metadata.Keywords]);
        if (project.License is { } license) json.WriteString("license", license);
        if (project.Homepage is { } homepage) json.WriteString("homepage", homepage);
        if (metadata.IssueTracker is { } issues)
        {
            json.WriteStartObject("bugs");
            json.WriteString("url", issues.Url);
            json.WriteEndObject();
        }
        // npm has one author; the other authors and the maintainers are its contributors ("maintainers" in a
        // package.json is overwritten by the registry with the publishing accounts).
        if (!metadata.Authors.IsEmpty) json.WriteString("author", metadata.Authors[0].ToString());
        var contributors = metadata.Authors.Skip(1).Concat(metadata.Maintainers).Select(p => p.ToString()).Distinct().ToArray();
        if (contributors.Length > 0) WriteArray(json, "contributors", contributors);
        if (project.Repository is { } repository)
        {
            // npm provenance compares repository.url with the CI's repository, in npm's normal form.
            json.WriteStartObject("repository");
            json.WriteString("type", "git");
            json.WriteString("url", GitUrl(repository));
            json.WriteEndObject();
        }
    }

    public static void WriteArray(Utf8JsonWriter json, string name, params string[] values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    /// <summary>npm's normal form of a repository URL: <c>git+https://…(.git)</c>.</summary>
    public static string GitUrl(string repository)
    {
        var url = repository.Trim();
        if (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal))
        {
            url = "git+" + url;
            if (!url.EndsWith(".git", StringComparison.Ordinal)) url += ".git";
        }
        return url;
    }
}
