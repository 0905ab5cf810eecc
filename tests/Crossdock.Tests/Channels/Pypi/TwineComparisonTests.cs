using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Crossdock.Channels.Pypi;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Pypi;

/// <summary>
/// The same wheels uploaded by crossdock and by the real twine (Debian's) to two fresh fake servers: both must
/// be accepted, and the requests must carry the same fields with the same values, apart from the differences
/// explained below.
/// </summary>
public sealed class TwineComparisonTests : IDisposable
{
    /// <summary>Fields crossdock sends that twine 4.0.2 does not: PEP 639's license_expression (metadata 2.4).</summary>
    private static readonly string[] CrossdockOnly = ["license_expression"];

    private readonly PackedRelease _release = new();
    private readonly TempDir _twineHome = new("crossdock-twine-home-");

    public TwineComparisonTests() => _release.Pack();

    public void Dispose()
    {
        _release.Dispose();
        _twineHome.Dispose();
    }

    [Fact]
    public void Twine_and_crossdock_send_equivalent_uploads_of_the_same_wheels()
    {
        var twine = Tools.Require("twine");
        var wheels = Directory.GetFiles(_release.PypiDir, "*.whl").Order(StringComparer.Ordinal).ToList();
        using var byCrossdock = new FakePypiServer();
        using var byTwine = new FakePypiServer();

        var crossdock = PypiPublishing.Publish(_release, byCrossdock, PypiPublishing.Environment(_twineHome, byCrossdock.Token));
        Assert.True(crossdock.ExitCode == 0, crossdock.Output);

        // Debian's twine 4.0.2 (pkginfo 1.8.2) reads Metadata-Version up to 2.2 and finds no Name or Version in
        // crossdock's 2.4 METADATA, so it refuses the wheels before sending anything. It gets copies relabelled
        // 2.2 instead (METADATA's first line and its RECORD hash changed; a newer twine would take the originals).
        var refused = Twine(twine, byTwine, wheels);
        var sameBytes = refused.ExitCode == 0;
        var twineWheels = wheels;
        if (!sameBytes)
        {
            Assert.Contains("Metadata is missing required fields: Name", refused.Output, StringComparison.Ordinal);
            Assert.Empty(byTwine.Requests);
            twineWheels = [.. wheels.Select(w => RelabelledCopy(w, "2.2"))];
            var accepted = Twine(twine, byTwine, twineWheels);
            Assert.True(accepted.ExitCode == 0, accepted.Output);
        }

        Assert.Equal(byCrossdock.Files.Keys.Order(StringComparer.Ordinal), byTwine.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (fromCrossdock, fromTwine) in byCrossdock.AcceptedUploads.OrderBy(u => u.Content!.FileName).Zip(byTwine.AcceptedUploads.OrderBy(u => u.Content!.FileName)))
        {
            CompareRequests(fromCrossdock, fromTwine, sameBytes);
            // For the very file twine sent, crossdock's form must match twine's to the byte, digests included.
            var copy = twineWheels.Single(w => Path.GetFileName(w) == fromTwine.Content!.FileName);
            AssertSameFields(FieldsOf(UploadForm.Read(copy).Fields), FieldsOf(fromTwine.Fields), except: [], crossdockOnly: CrossdockOnly);
        }
    }

    /// <summary>
    /// What may differ between the two clients' requests:
    /// <list type="bullet">
    /// <item>twine sends every metadata field it knows, those the wheel lacks as empty values (author, keywords,
    /// comment...); warehouse reads an empty field as absent, and crossdock leaves them out: empty twine fields are
    /// dropped before comparing;</item>
    /// <item>license_expression: crossdock only (twine 4.0.2 predates PEP 639);</item>
    /// <item>with relabelled copies: metadata_version (2.4 vs 2.2) and the three digests, which describe different
    /// bytes (each server checked each digest against what it received);</item>
    /// <item>the order of the parts (twine puts :action and protocol_version after the metadata); the relative
    /// order of a repeated field's values (project_urls) must still be the same.</item>
    /// </list>
    /// Everything else — field names, values, the content part's file name and content type — must be equal.
    /// </summary>
    private static void CompareRequests(RecordedUpload fromCrossdock, RecordedUpload fromTwine, bool sameBytes)
    {
        Assert.Equal(fromTwine.Content!.FileName, fromCrossdock.Content!.FileName);
        Assert.Equal(fromTwine.Content.ContentType, fromCrossdock.Content.ContentType);
        Assert.Equal("__token__", fromTwine.Username);
        Assert.Equal("__token__", fromCrossdock.Username);
        string[] differentBytes = sameBytes ? [] : ["metadata_version", "md5_digest", "sha256_digest", "blake2_256_digest"];
        AssertSameFields(FieldsOf(fromCrossdock.Fields), FieldsOf(fromTwine.Fields), differentBytes, CrossdockOnly);
        if (!sameBytes)
        {
            Assert.Equal("2.4", fromCrossdock.Field("metadata_version"));
            Assert.Equal("2.2", fromTwine.Field("metadata_version"));
        }
    }

    private static void AssertSameFields(Dictionary<string, List<string>> crossdock, Dictionary<string, List<string>> twine, string[] except, string[] crossdockOnly)
    {
        Assert.Equal(
            twine.Keys.Order(StringComparer.Ordinal),
            crossdock.Keys.Except(crossdockOnly).Order(StringComparer.Ordinal));
        foreach (var (name, values) in twine.Where(f => !except.Contains(f.Key)))
        {
            Assert.True(values.SequenceEqual(crossdock[name]), $"{name}: twine sent [{string.Join(", ", values)}], crossdock [{string.Join(", ", crossdock[name])}]");
        }
    }

    /// <summary>Field name → values in the order sent, empty values dropped (see <see cref="CompareRequests"/>).</summary>
    private static Dictionary<string, List<string>> FieldsOf(IEnumerable<KeyValuePair<string, string>> fields) =>
        fields.Where(f => f.Value.Length > 0).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Select(f => f.Value).ToList());

    private ProcessResult Twine(string twine, FakePypiServer server, IEnumerable<string> files) =>
        ProcessRunner.Run(twine, ["upload", "--non-interactive", "--disable-progress-bar", "--repository-url", server.UploadUrl, "-u", "__token__", "-p", server.Token, .. files],
            environment: new Dictionary<string, string?>
            {
                ["HOME"] = _twineHome.Path,
                ["TWINE_USERNAME"] = null,
                ["TWINE_PASSWORD"] = null,
                ["TWINE_REPOSITORY"] = null,
                ["TWINE_REPOSITORY_URL"] = null,
            });

    /// <summary>A copy of the wheel, under the same name in another folder, whose METADATA says another Metadata-Version.</summary>
    private string RelabelledCopy(string wheel, string metadataVersion)
    {
        var copy = Path.Combine(_release.Dir.Path, "relabelled", Path.GetFileName(wheel));
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(wheel, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        var metadata = zip.Entries.Single(e => e.FullName.EndsWith(".dist-info/METADATA", StringComparison.Ordinal));
        var record = zip.Entries.Single(e => e.FullName.EndsWith(".dist-info/RECORD", StringComparison.Ordinal));
        var metadataName = metadata.FullName;
        var text = Read(metadata);
        Assert.StartsWith("Metadata-Version: ", text, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes($"Metadata-Version: {metadataVersion}\n" + text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
        var hash = Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var records = Read(record).Split('\n').Select(l => l.StartsWith(metadataName + ",", StringComparison.Ordinal) ? $"{metadataName},sha256={hash},{bytes.Length}" : l);
        Replace(zip, metadata, bytes);
        Replace(zip, record, Encoding.UTF8.GetBytes(string.Join('\n', records)));
        return copy;
    }

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void Replace(ZipArchive zip, ZipArchiveEntry entry, byte[] content)
    {
        var name = entry.FullName;
        entry.Delete();
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }
}
