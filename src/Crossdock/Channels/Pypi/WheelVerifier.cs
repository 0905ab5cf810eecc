using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Archives;
using Crossdock.Core.Files;
using Crossdock.Core.Problems;
using Crossdock.Core.Targets;
using Crossdock.Inspection;
using Crossdock.Plan;

namespace Crossdock.Channels.Pypi;

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
        var targets = PypiPlatformTags.TargetsServedBy(platform).ToImmutableArray();
        if (targets.IsEmpty) problems.Add("tags", $"no crossdock target matches platform '{p.Platform}'");

        try
        {
            using var zip = ZipReader.Open(path);
            CheckZipStructure(zip, problems);
            CheckOnlyExpectedEntries(zip, config, p.Dist, p.Version, problems);
            var distInfo = $"{p.Dist}-{p.Version}.dist-info";
            var contents = ReadContents(zip, problems, $"{p.Dist}-{p.Version}.data/scripts/", scratchFolder);
            WheelRecordChecks.Check(zip, contents.Digests, contents.Text, $"{distInfo}/RECORD", problems);
            WheelMetadataChecks.CheckWheelFile(contents.Text.GetValueOrDefault($"{distInfo}/WHEEL"), tag3, problems);
            var metadata = contents.Text.GetValueOrDefault($"{distInfo}/METADATA");
            WheelMetadataChecks.CheckMetadata(metadata, p.Dist, p.Version, problems);
            WheelMetadataChecks.CheckLicenseFiles(metadata, distInfo, contents.Digests.Keys, config.Metadata.LicenseFiles, problems);
            CheckPythonSource(config, contents.Digests, problems);
            var scriptsPrefix = $"{p.Dist}-{p.Version}.data/scripts/";
            var windows = targets.Any(t => t.Os == OperatingSystemFamily.Windows);
            foreach (var command in config.Commands)
            {
                var entry = scriptsPrefix + command.Name + (windows ? ".exe" : "");
                if (contents.Scripts.All(s => s.Entry != entry)) problems.Add("binary", $"{entry} is missing: the wheel does not install the command '{command.Name}'");
            }
            foreach (var script in contents.Scripts)
            {
                var command = Path.GetFileNameWithoutExtension(script.Entry[scriptsPrefix.Length..]);
                if (config.Commands.All(c => c.Name != command)) problems.Add("binary", $"{script.Entry} is not one of the commands ({string.Join(", ", config.Commands.Select(c => c.Name))})");
                else CheckExecutable(script, platform, targets, problems);
            }
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

    /// <summary>S_IFMT and S_IFREG/S_IFDIR of the Unix mode in an entry's external attributes (0: written without one).</summary>
    private const int FileTypeMask = 0xF000, RegularFile = 0x8000, Directory = 0x4000;

    /// <summary>
    /// Every entry must be a plain file or folder crossdock writes, at a path that stays inside the install folder:
    /// pip unpacks whatever a wheel holds, so a link, a '..' path or an extra file (of any size, judged from the central
    /// directory alone) would reach users' disks. What crossdock writes: the scripts, the Python package (its own
    /// python-source files and the generated ones), METADATA, WHEEL, RECORD and the licence files.
    /// </summary>
    private static void CheckOnlyExpectedEntries(ZipReader zip, ProjectConfig config, string dist, string version, ProblemList problems)
    {
        var distInfo = $"{dist}-{version}.dist-info";
        var scripts = $"{dist}-{version}.data/scripts/";
        var module = ProjectNames.PythonModuleName(config.Pypi.Name);
        var expected = new HashSet<string>(StringComparer.Ordinal)
        {
            $"{module}/__init__.py", $"{module}/__main__.py", $"{module}/_find_bin.py",
            $"{distInfo}/METADATA", $"{distInfo}/WHEEL", $"{distInfo}/RECORD",
        };
        if (config.Pypi.PythonSource is { } source) expected.UnionWith(PythonSource.Files(source).Select(f => f.Entry));
        expected.UnionWith(config.Metadata.LicenseFiles.Select(f => WheelMetadata.LicenseEntry(distInfo, f)));
        foreach (var entry in zip.Entries)
        {
            if (ArchivePaths.EscapeProblem(entry.Name) is { } escape)
            {
                problems.Add("layout", $"entry {entry.Name} {escape}");
                continue;
            }
            var type = entry.UnixMode & FileTypeMask;
            if (type is not (0 or RegularFile or Directory))
            {
                problems.Add("layout", $"entry {entry.Name} is {(type == 0xA000 ? "a symbolic link" : $"a special file (mode {Convert.ToString(entry.UnixMode, 8)})")}, not a file");
                continue;
            }
            if (entry.Name.EndsWith('/')) continue;
            var isScript = entry.Name.StartsWith(scripts, StringComparison.Ordinal) && !entry.Name[scripts.Length..].Contains('/');
            if (!isScript && !expected.Contains(entry.Name))
            {
                problems.Add("layout", $"{entry.Name} ({entry.UncompressedSize} bytes) is not a file crossdock writes; a wheel holds only {scripts}*, "
                    + $"the package {module}/, {distInfo}/ METADATA, WHEEL, RECORD and licence files");
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
            // Extracted under a name made here, never one taken from the archive, so it stays in the scratch folder
            // (and a NUL or a '/' in an entry name is no path problem; found by fuzzing too).
            var extracted = isScript ? Path.Combine(scratchFolder, $"{Guid.NewGuid():N}-script-{contents.Scripts.Count}") : null;
            using (var file = extracted is null ? null : File.Create(extracted))
            {
                var buffer = new byte[1 << 16];
                long size = 0;
                int read;
                // Never past what the headers declare (and one byte more, to notice): a small entry that inflates
                // to gigabytes (a zip bomb) costs no more than its declared size.
                while (size <= entry.UncompressedSize && (read = data.Read(buffer, 0, (int)Math.Min(buffer.Length, entry.UncompressedSize + 1 - size))) > 0)
                {
                    sha256.AppendData(buffer, 0, read);
                    text?.Write(buffer, 0, read);
                    file?.Write(buffer, 0, read);
                    size += read;
                }
                if (size > entry.UncompressedSize) problems.Add("zip", $"{entry.Name} holds more than the {entry.UncompressedSize} bytes its headers say");
                else if (size != entry.UncompressedSize) problems.Add("zip", $"{entry.Name} holds {size} bytes but its headers say {entry.UncompressedSize}");
                contents.Digests[entry.Name] = (RecordFile.UrlSafeBase64(sha256.GetHashAndReset()), size);
            }
            if (text is not null) contents.Text[entry.Name] = Encoding.UTF8.GetString(text.ToArray());
            if (extracted is not null) contents.Scripts.Add((entry.Name, extracted, entry.UnixMode));
        }
        return contents;
    }

    /// <summary>
    /// How the executable contradicts the targets the tags claim. A set tagged for both libcs of an architecture
    /// (a libc-free program's, or <c>--static-linux-tags both</c>) needs a static program of that architecture, whatever
    /// libc it has inside; every other target must fit the program exactly.
    /// </summary>
    private static IEnumerable<string> Contradictions(ImmutableArray<Target> targets, BinaryInspection inspection)
    {
        var bothLibcs = targets.Where(t => t.IsLibcFree).Select(t => t.Arch).ToHashSet();
        foreach (var target in targets.Where(t => !(t.Os == OperatingSystemFamily.Linux && bothLibcs.Contains(t.Arch))))
        {
            if (TargetResolver.Contradiction(target, inspection) is { } why) yield return why;
        }
        foreach (var arch in bothLibcs)
        {
            if (inspection.Os != OperatingSystemFamily.Linux || inspection.Arch != arch || inspection.IsStatic != true)
            {
                yield return $"is {TargetResolver.Describe(inspection)}, not a static {arch} Linux program that runs on glibc and musl";
            }
        }
    }

    /// <summary>The project's own Python files (<c>[pypi] python-source</c>) are in the wheel, each with the folder's bytes.</summary>
    private static void CheckPythonSource(ProjectConfig config, Dictionary<string, (string Sha256, long Size)> digests, ProblemList problems)
    {
        if (config.Pypi.PythonSource is not { } folder) return;
        foreach (var file in PythonSource.Files(folder))
        {
            if (!digests.TryGetValue(file.Entry, out var digest)) problems.Add("python-source", $"{file.Entry} from {folder} is missing");
            else if (digest.Sha256 != RecordFile.UrlSafeBase64(SHA256.HashData(File.ReadAllBytes(file.SourcePath)))) problems.Add("python-source", $"{file.Entry} differs from {file.SourcePath}");
        }
    }

    private static void CheckExecutable((string Entry, string ExtractedPath, int Mode) script, PlatformTagSet platform, ImmutableArray<Target> targets, ProblemList problems)
    {
        var (entry, extracted, mode) = script;
        if (!FileModes.IsExecutable(mode)) problems.Add("binary", $"{entry} is not executable (mode {Convert.ToString(mode & 0xfff, 8)})");
        BinaryInspection inspection;
        try
        {
            inspection = BinaryInspector.Inspect(extracted);
        }
        catch (CrossdockException e)
        {
            problems.Add("binary", $"{entry} {e.Reason}");
            return;
        }
        foreach (var why in Contradictions(targets, inspection)) problems.Add("binary", $"{entry} {why}, as the tag {platform.Compressed} claims");
        var manylinux = platform.Tags.Select(PypiPlatformTags.ManylinuxLevel).Where(l => l is not null).Max();
        if (manylinux is { } level)
        {
            var needed = inspection.GlibcRequirement;
            if (needed is { } glibc && glibc > level) problems.Add("binary", $"{entry} needs glibc {glibc}, newer than the manylinux tag's {level}: it would fail on the older systems the tag admits");
        }
        foreach (var slice in inspection.Slices)
        {
            if (slice.MinimumMacos is not { } needed) continue;
            // The oldest macOS any tag lets this slice be installed on (an arm64 Mac never runs anything below 11).
            var admitted = platform.Tags
                .Where(t => t.EndsWith("_" + slice.Arch.MacosWheelArch, StringComparison.Ordinal) || t.EndsWith("_universal2", StringComparison.Ordinal))
                .Select(PypiPlatformTags.MacosLevel).OfType<MacosVersion>()
                .Select(v => slice.Arch == CpuArchitecture.Aarch64 && v < WheelPlatformTags.FirstArm64Macos ? WheelPlatformTags.FirstArm64Macos : v)
                .DefaultIfEmpty().Min();
            // PyPI only accepts X_0 tags from 11 on, so compare at that precision.
            var rounded = new MacosVersion(needed.Major, needed.Major >= 11 ? 0 : needed.Minor, 0);
            if (admitted != default && rounded > admitted)
            {
                problems.Add("binary", $"{entry} ({slice.Arch}) needs macOS {needed}, newer than the tag's {admitted}: it would not start on the older systems the tag admits");
            }
        }
    }
}
