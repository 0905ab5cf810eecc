using System.Collections.Immutable;
using System.Text;
using Crossdock.Core;
using Crossdock.Core.Archives;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// The form fields of one legacy-API upload (<c>:action=file_upload</c>), built from the wheel's METADATA the way
/// twine builds them and with the field names warehouse reads: every core-metadata header PyPI stores, the
/// description from the body, then the file's type, Python tag and digests. The file itself goes in a last
/// <c>content</c> part, streamed by <see cref="PypiUploader"/>.
/// </summary>
public sealed record UploadForm(string FilePath, string FileName, string Name, string Version, ImmutableArray<KeyValuePair<string, string>> Fields, FileDigests Digests)
{
    /// <summary>
    /// METADATA header → form field, and whether the header may repeat (then each value is its own form field
    /// with the same name, as twine sends lists). From warehouse's forklift metadata form and twine's
    /// metadata_dictionary; Description is taken from the body (metadata 2.1+) or, failing that, the header.
    /// </summary>
    private static readonly (string Header, string Field, bool Multiple)[] MetadataFields =
    [
        ("Metadata-Version", "metadata_version", false),
        ("Name", "name", false),
        ("Version", "version", false),
        ("Summary", "summary", false),
        ("Home-page", "home_page", false),
        ("Download-URL", "download_url", false),
        ("Author", "author", false),
        ("Author-email", "author_email", false),
        ("Maintainer", "maintainer", false),
        ("Maintainer-email", "maintainer_email", false),
        ("License", "license", false),
        ("License-Expression", "license_expression", false),
        ("License-File", "license_file", true),
        ("Keywords", "keywords", false),
        ("Classifier", "classifiers", true),
        ("Platform", "platform", true),
        ("Supported-Platform", "supported_platform", true),
        ("Requires-Python", "requires_python", false),
        ("Requires-Dist", "requires_dist", true),
        ("Provides-Dist", "provides_dist", true),
        ("Obsoletes-Dist", "obsoletes_dist", true),
        ("Requires-External", "requires_external", true),
        ("Project-URL", "project_urls", true),
        ("Provides-Extra", "provides_extras", true),
        ("Description-Content-Type", "description_content_type", false),
        ("Dynamic", "dynamic", true),
        // PEP 314 (metadata 1.1), still accepted
        ("Provides", "provides", true),
        ("Requires", "requires", true),
        ("Obsoletes", "obsoletes", true),
    ];

    public const string FileType = "bdist_wheel";

    /// <summary>Reads the wheel's METADATA and hashes the file: everything the upload sends except the bytes.</summary>
    public static UploadForm Read(string wheelPath)
    {
        var fileName = Path.GetFileName(wheelPath);
        var parts = WheelNames.Parse(fileName) ?? throw CrossdockException.ForFile(wheelPath, "is not a wheel filename");
        var metadata = HeaderFile.Parse(ReadMetadata(wheelPath, $"{parts.Dist}-{parts.Version}.dist-info/METADATA"));
        var fields = new List<KeyValuePair<string, string>>
        {
            new(":action", "file_upload"),
            new("protocol_version", "1"),
        };
        foreach (var (header, field, multiple) in MetadataFields)
        {
            var values = multiple ? metadata.All(header) : metadata.First(header) is { } one ? [one] : [];
            fields.AddRange(values.Where(v => v.Length > 0).Select(v => new KeyValuePair<string, string>(field, v)));
        }
        var description = metadata.Body.Length > 0 ? metadata.Body : metadata.First("Description");
        if (description is { Length: > 0 }) fields.Add(new("description", description));

        var name = metadata.First("Name") ?? throw CrossdockException.ForFile(wheelPath, "METADATA has no Name");
        var version = metadata.First("Version") ?? throw CrossdockException.ForFile(wheelPath, "METADATA has no Version");
        var digests = FileDigests.Of(wheelPath);
        fields.Add(new("filetype", FileType));
        fields.Add(new("pyversion", parts.Python));
        fields.Add(new("md5_digest", digests.Md5));
        fields.Add(new("sha256_digest", digests.Sha256));
        fields.Add(new("blake2_256_digest", digests.Blake2b256));
        return new UploadForm(wheelPath, fileName, name, version, [.. fields], digests);
    }

    /// <summary>The project's name in PEP 503 normal form, as the simple index lists it.</summary>
    public string NormalizedName => ProjectNames.NormalizePypi(Name);

    private static string ReadMetadata(string wheelPath, string entryName)
    {
        using var zip = ZipReader.Open(wheelPath);
        var entry = zip.Entries.FirstOrDefault(e => e.Name == entryName) ?? throw CrossdockException.ForFile(wheelPath, $"has no {entryName}");
        using var data = zip.OpenEntry(entry);
        using var text = new StreamReader(data, Encoding.UTF8);
        return text.ReadToEnd();
    }
}
