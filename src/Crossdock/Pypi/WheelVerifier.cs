using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Crossdock.Archives;
using Crossdock.Config;
using Crossdock.Inspection;
using Crossdock.Release;
using Crossdock.Targets;
using Crossdock.Verification;

namespace Crossdock.Pypi;

/// <summary>
/// Checks one wheel the way PyPI and pip will: filename and tags, the zip rules of warehouse's upload checks,
/// RECORD against the real contents, WHEEL against the filename, METADATA fields, and the executable inside
/// inspected against the platform its tags claim.
/// </summary>
public static class WheelVerifier
{
    public static VerifiedArtifact Verify(string path, ProjectConfig config, ProblemList problems, string scratchFolder)
    {
        var name = Path.GetFileName(path);
        var parts = WheelNames.Parse(name);
        if (parts is not { } p)
        {
            problems.Add("filename", $"'{name}' is not a wheel filename ({{dist}}-{{version}}-{{python}}-{{abi}}-{{platform}}.whl)");
            return new VerifiedArtifact(path, ArtifactKind.Wheel, null, null, []);
        }

        CheckFilename(config, problems, p.Dist, p.Version);
        var platform = PlatformTagSet.Parse(p.Platform, out var sorted);
        if (!sorted) problems.Add("tags", $"platform tag set '{p.Platform}' is not sorted; write it as '{platform.Compressed}' (PyPI will reject unsorted sets)");
        foreach (var tag in platform.Tags.Where(t => !PypiPlatformTags.IsAllowed(t))) problems.Add("tags", $"platform tag '{tag}' is not on PyPI's allow-list");
        var tag3 = new WheelTag(p.Python, p.Abi, platform);
        var targets = platform.Tags.SelectMany(PypiPlatformTags.TargetsOf).Distinct().ToImmutableArray();
        if (targets.IsEmpty) problems.Add("tags", $"no crossdock target matches platform '{p.Platform}'");

        try
        {
            using var zip = ZipReader.Open(path);
            CheckZipStructure(zip, problems);
            var distInfo = $"{p.Dist}-{p.Version}.dist-info";
            var contents = ReadContents(zip, problems, $"{p.Dist}-{p.Version}.data/scripts/", scratchFolder);
            CheckRecord(zip, contents, $"{distInfo}/RECORD", problems);
            CheckWheelFile(contents.Text.GetValueOrDefault($"{distInfo}/WHEEL"), tag3, problems);
            CheckMetadata(contents.Text.GetValueOrDefault($"{distInfo}/METADATA"), p.Dist, p.Version, problems);
            CheckExecutable(contents.Scripts, platform, targets, problems);
        }
        catch (CrossdockException e)
        {
            problems.Add("zip", e.Message);
        }
        catch (InvalidDataException e)
        {
            problems.Add("zip", $"an entry cannot be decompressed: {e.Message}");
        }
        return new VerifiedArtifact(path, ArtifactKind.Wheel, p.Dist, p.Version, targets);
    }

    private static void CheckFilename(ProjectConfig config, ProblemList problems, string dist, string version)
    {
        var expectedDist = ProjectNames.WheelDistName(config.Pypi.Name);
        if (dist != expectedDist) problems.Add("filename", $"distribution name '{dist}' is not this project's '{expectedDist}'");
        if (!ReleaseVersion.TryParse(version, out var parsed, out var reason)) problems.Add("filename", reason);
        else if (parsed.Pep440 != version) problems.Add("filename", $"version '{version}' is not in PEP 440 normal form ('{parsed.Pep440}')");
    }

    /// <summary>The rules of warehouse's utils/zipfiles.py.</summary>
    private static void CheckZipStructure(ZipReader zip, ProblemList problems)
    {
        if (zip.CommentLength != 0) problems.Add("zip", "the archive has a comment");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            if (!seen.Add(entry.Name)) problems.Add("zip", $"duplicate entry {entry.Name}");
            if ((entry.Flags & 0x08) != 0 || (entry.LocalFlags & 0x08) != 0) problems.Add("zip", $"{entry.Name} uses a data descriptor (general-purpose bit 3)");
            if (entry.Method is not (0 or 8)) problems.Add("zip", $"{entry.Name} uses compression method {entry.Method}; only STORED and DEFLATED are allowed");
            if (!entry.NameIsUtf8) problems.Add("zip", $"{entry.Name}: the name is not UTF-8");
            if (entry.HasZip64Extra) problems.Add("zip", $"{entry.Name} has ZIP64 extra data");
            if (entry.LocalName != entry.Name || entry.LocalMethod != entry.Method || entry.LocalCrc32 != entry.Crc32
                || entry.LocalCompressedSize != entry.CompressedSize || entry.LocalUncompressedSize != entry.UncompressedSize)
            {
                problems.Add("zip", $"{entry.Name}: the local header disagrees with the central directory (name, method, CRC or sizes)");
            }
        }
    }

    private sealed record Contents(Dictionary<string, (string Sha256, long Size)> Digests, Dictionary<string, string> Text, List<(string Entry, string ExtractedPath, int Mode)> Scripts);

    /// <summary>Reads every entry once: hashes it, keeps the small text files, and extracts the scripts for inspection.</summary>
    private static Contents ReadContents(ZipReader zip, ProblemList problems, string scriptsPrefix, string scratchFolder)
    {
        var contents = new Contents([], [], []);
        foreach (var entry in zip.Entries)
        {
            using var data = zip.OpenEntry(entry);
            using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var isScript = entry.Name.StartsWith(scriptsPrefix, StringComparison.Ordinal);
            var keepText = entry.Name.Contains(".dist-info/", StringComparison.Ordinal) && entry.UncompressedSize < 10 << 20;
            using var text = keepText ? new MemoryStream() : null;
            var extracted = isScript ? Path.Combine(scratchFolder, $"{contents.Scripts.Count}-{Path.GetFileName(entry.Name)}") : null;
            using (var file = extracted is null ? null : File.Create(extracted))
            {
                var buffer = new byte[1 << 16];
                long size = 0;
                int read;
                while ((read = data.Read(buffer)) > 0)
                {
                    sha256.AppendData(buffer, 0, read);
                    text?.Write(buffer, 0, read);
                    file?.Write(buffer, 0, read);
                    size += read;
                }
                if (size != entry.UncompressedSize) problems.Add("zip", $"{entry.Name} holds {size} bytes but its headers say {entry.UncompressedSize}");
                contents.Digests[entry.Name] = (RecordFile.UrlSafeBase64(sha256.GetHashAndReset()), size);
            }
            if (text is not null) contents.Text[entry.Name] = Encoding.UTF8.GetString(text.ToArray());
            if (extracted is not null) contents.Scripts.Add((entry.Name, extracted, entry.UnixMode));
        }
        return contents;
    }

    private static void CheckRecord(ZipReader zip, Contents contents, string recordName, ProblemList problems)
    {
        if (!contents.Text.TryGetValue(recordName, out var record))
        {
            problems.Add("RECORD", $"{recordName} is missing");
            return;
        }
        var listed = new Dictionary<string, (string Hash, string Size)>(StringComparer.Ordinal);
        foreach (var line in record.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = Csv(line.TrimEnd('\r'));
            if (fields.Count != 3) { problems.Add("RECORD", $"malformed line '{line}'"); continue; }
            if (!listed.TryAdd(fields[0], (fields[1], fields[2]))) problems.Add("RECORD", $"{fields[0]} is listed twice");
        }
        foreach (var entry in zip.Entries.Where(e => e.Name != recordName && !e.Name.EndsWith('/')))
        {
            if (!listed.TryGetValue(entry.Name, out var row)) { problems.Add("RECORD", $"{entry.Name} is in the wheel but not in RECORD"); continue; }
            var (sha256, size) = contents.Digests[entry.Name];
            if (row.Hash != "sha256=" + sha256) problems.Add("RECORD", $"hash of {entry.Name} does not match its content ({row.Hash}, content has sha256={sha256})");
            if (row.Size != size.ToString(System.Globalization.CultureInfo.InvariantCulture)) problems.Add("RECORD", $"size of {entry.Name} is listed as {row.Size}, content has {size}");
        }
        foreach (var name in listed.Keys.Where(n => n != recordName && zip.Entries.All(e => e.Name != n))) problems.Add("RECORD", $"{name} is listed but not in the wheel");
        if (listed.TryGetValue(recordName, out var self) && (self.Hash.Length > 0 || self.Size.Length > 0)) problems.Add("RECORD", "RECORD's own line must have empty hash and size");
    }

    private static void CheckWheelFile(string? text, WheelTag tag, ProblemList problems)
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
    private static void CheckMetadata(string? text, string dist, string version, ProblemList problems)
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
        if (metadata.Body.Trim().Length > 0 && contentType is null)
        {
            // twine renders an untyped description as reStructuredText, and fails it on the first markup error.
            problems.Add("METADATA", "the long description has no Description-Content-Type; PyPI would render it as reStructuredText");
        }
    }

    private static void CheckExecutable(List<(string Entry, string ExtractedPath, int Mode)> scripts, PlatformTagSet platform, ImmutableArray<Target> targets, ProblemList problems)
    {
        if (scripts.Count != 1)
        {
            problems.Add("binary", scripts.Count == 0 ? "no executable under .data/scripts/" : $"{scripts.Count} files under .data/scripts/; crossdock wheels carry one executable");
            return;
        }
        var (entry, extracted, mode) = scripts[0];
        if ((mode & 0b001_001_001) == 0) problems.Add("binary", $"{entry} is not executable (mode {Convert.ToString(mode & 0xfff, 8)})");
        BinaryInspection inspection;
        try
        {
            inspection = BinaryInspector.Inspect(extracted);
        }
        catch (CrossdockException e)
        {
            problems.Add("binary", $"{entry} {e.Message[(e.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]}");
            return;
        }
        foreach (var target in targets)
        {
            if (TargetResolver.Contradiction(target, inspection) is { } why) problems.Add("binary", $"{entry} {why}, as the tag {platform.Compressed} claims");
        }
        var manylinux = platform.Tags.Select(PypiPlatformTags.ManylinuxLevel).Where(l => l is not null).Max();
        if (manylinux is { } level)
        {
            var needed = inspection.GlibcRequirement;
            if (needed is { } glibc && glibc > level) problems.Add("binary", $"{entry} needs glibc {glibc}, newer than the manylinux tag's {level}: it would fail on the older systems the tag admits");
        }
        var macos = platform.Tags.Select(PypiPlatformTags.MacosLevel).Where(l => l is not null).Min();
        if (macos is { } tagged && inspection.Slices.Any(s => s.MinimumMacos is { } min && new MacosVersion(min.Major, min.Major >= 11 ? 0 : min.Minor, 0) > tagged))
        {
            problems.Add("binary", $"{entry} needs macOS {inspection.MinimumMacos}, newer than the tag's {tagged}");
        }
    }

    /// <summary>One RECORD line: comma-separated, fields optionally double-quoted.</summary>
    private static List<string> Csv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
