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
        if (project.License is { } license) Line(text, "License-Expression", license);
        if (project.RequiresPython is { } requires) Line(text, "Requires-Python", requires);
        if (project.Homepage is { } homepage) Line(text, "Project-URL", $"Homepage, {homepage}");
        if (project.Repository is { } repository) Line(text, "Project-URL", $"Repository, {repository}");
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

    private static void Line(StringBuilder text, string field, string value) => text.Append(field).Append(": ").Append(value).Append('\n');

    private static string OneLine(string value) => string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
