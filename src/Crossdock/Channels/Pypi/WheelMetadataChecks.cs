using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Problems;

namespace Crossdock.Channels.Pypi;

/// <summary>The WHEEL file against the filename's tags, and METADATA's fields as twine and PyPI check them.</summary>
internal static class WheelMetadataChecks
{
    public static void CheckWheelFile(string? text, WheelTag tag, ProblemList problems)
    {
        if (text is null) { problems.Add("WHEEL", "the .dist-info/WHEEL file is missing"); return; }
        var wheel = HeaderFile.Parse(text);
        if (wheel.First("Wheel-Version") is not { } version || !version.StartsWith("1.", StringComparison.Ordinal)) problems.Add("WHEEL", "Wheel-Version must be 1.x");
        if (wheel.First("Root-Is-Purelib") is null) problems.Add("WHEEL", "Root-Is-Purelib is missing");
        var listed = wheel.All("Tag").ToList();
        var expected = tag.Expanded.ToList();
        if (listed.Any(t => t.Contains('.', StringComparison.Ordinal))) problems.Add("WHEEL", "Tag lines must be expanded (one platform per line), not compressed sets");
        if (!listed.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)))
        {
            problems.Add("WHEEL", $"Tag lines ({string.Join(", ", listed)}) do not match the filename's tags ({string.Join(", ", expected)})");
        }
    }

    private static readonly string[] MetadataVersions = ["1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "2.3", "2.4"];
    private static readonly string[] ContentTypes = ["text/plain", "text/markdown", "text/x-rst"];

    /// <summary>The fields twine checks before upload, and PyPI's rules for them.</summary>
    public static void CheckMetadata(string? text, string dist, string version, ProblemList problems)
    {
        if (text is null) { problems.Add("METADATA", "the .dist-info/METADATA file is missing"); return; }
        var metadata = HeaderFile.Parse(text);
        var mv = metadata.First("Metadata-Version");
        if (mv is null || !MetadataVersions.Contains(mv)) problems.Add("METADATA", $"Metadata-Version '{mv}' is not one PyPI accepts");
        var name = metadata.First("Name");
        if (name is null || ProjectNames.WheelDistName(name) != dist) problems.Add("METADATA", $"Name '{name}' does not match the filename's '{dist}'");
        var metaVersion = metadata.First("Version");
        if (metaVersion is null || !ReleaseVersion.TryParse(metaVersion, out var parsed, out _) || parsed.Pep440 != version)
        {
            problems.Add("METADATA", $"Version '{metaVersion}' does not match the filename's '{version}'");
        }
        if (metadata.First("Summary") is { } summary && (summary.Contains('\n', StringComparison.Ordinal) || summary.Length > 512)) problems.Add("METADATA", "Summary must be one line of at most 512 characters");
        if (metadata.First("License-Expression") is not null && mv is not "2.4") problems.Add("METADATA", "License-Expression needs Metadata-Version 2.4");
        foreach (var url in metadata.All("Project-URL"))
        {
            var comma = url.IndexOf(", ", StringComparison.Ordinal);
            if (comma <= 0 || comma > 32 || !Uri.TryCreate(url[(comma + 2)..], UriKind.Absolute, out _)) problems.Add("METADATA", $"Project-URL '{url}' is not 'Label, URL' with a label of at most 32 characters");
        }
        var contentType = metadata.First("Description-Content-Type");
        if (contentType is not null && !ContentTypes.Contains(contentType.Split(';')[0].Trim(), StringComparer.OrdinalIgnoreCase))
        {
            problems.Add("METADATA", $"Description-Content-Type '{contentType}' cannot be rendered by PyPI (use text/markdown, text/x-rst or text/plain)");
        }
        foreach (var classifier in metadata.All("Classifier"))
        {
            if (TroveClassifiers.Problem(classifier) is { } problem) problems.Add("METADATA", $"Classifier {problem}");
        }
        if (metadata.Body.Trim().Length > 0 && contentType is null)
        {
            // twine renders an untyped description as reStructuredText, and fails it on the first markup error.
            problems.Add("METADATA", "the long description has no Description-Content-Type; PyPI would render it as reStructuredText");
        }
    }

    /// <summary>
    /// PEP 639: every License-File is in the wheel under <c>.dist-info/licenses/</c>, and every licence file of the
    /// project is named there, so none is lost on the way.
    /// </summary>
    public static void CheckLicenseFiles(string? text, string distInfo, IEnumerable<string> entries, IEnumerable<LicenseFile> expected, ProblemList problems)
    {
        if (text is null) return;
        var named = HeaderFile.Parse(text).All("License-File").ToList();
        var present = entries.ToHashSet(StringComparer.Ordinal);
        foreach (var file in named.Where(f => !present.Contains($"{distInfo}/licenses/{f}"))) problems.Add("licenses", $"License-File {file} is not in {distInfo}/licenses/");
        foreach (var file in expected.Where(f => !named.Contains(f.RelativePath))) problems.Add("licenses", $"the licence file {file.RelativePath} is not in the wheel (no License-File names it)");
    }
}
