using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crossdock.Core.Files;

namespace Crossdock.Channels.GitHub;

/// <summary>
/// Writes a planned <see cref="GithubAssembly"/> into the caller's staging: the installers and the formula as
/// planned, then the checksum file and the manifest, whose sha256s are read from the files themselves (those this
/// run writes, such as the main npm package, from their temporary copies).
/// </summary>
public static class GithubAssemblyWriter
{
    /// <param name="staged">Final path → temporary path of every file this run writes before this one.</param>
    /// <param name="hashed">Hears of each listed file once it is hashed (its index in <see cref="GithubAssembly.Listed"/>, its size).</param>
    public static void Write(GithubAssembly plan, StagedFiles staging, IReadOnlyDictionary<string, string> staged, Action<int, long>? hashed = null)
    {
        var written = new Dictionary<string, string>(staged, StringComparer.Ordinal);
        foreach (var text in plan.Texts)
        {
            var final = Path.Combine(plan.Folder, text.Entry);
            var temporary = staging.Reserve(final);
            File.WriteAllBytes(temporary, text.Contents());
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, (UnixFileMode)text.Mode);
            written[final] = temporary;
        }

        var sums = plan.Listed.Select((f, i) =>
        {
            var sum = (File: f, Size: new FileInfo(Read(f)).Length, Sha256: Sha256(Read(f)));
            hashed?.Invoke(i, sum.Size);
            return sum;
        }).ToList();
        File.WriteAllText(staging.Reserve(plan.ChecksumFilePath), ChecksumText(sums.Select(s => (s.File.FileName, s.Sha256))));
        File.WriteAllBytes(staging.Reserve(plan.ManifestPath), Manifest(plan, sums));

        string Read(ReleaseFile file) => written.GetValueOrDefault(file.Path, file.Path);
    }

    /// <summary><c>sha256sum -c</c>'s format, as every checker reads it: 64 hex digits, two spaces, the name; LF, sorted by name.</summary>
    public static string ChecksumText(IEnumerable<(string Name, string Sha256)> files) =>
        string.Concat(files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => $"{f.Sha256}  {f.Name}\n"));

    private static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// <c>dist-manifest.json</c> in cargo-dist's field names (so tools that read its manifests find the artifacts),
    /// each artifact with its kind, targets, size and sha256; it does not claim a cargo-dist version.
    /// </summary>
    private static byte[] Manifest(GithubAssembly plan, List<(ReleaseFile File, long Size, string Sha256)> sums)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("generator", plan.Generator);
            if (plan.Location is { } location) json.WriteString("announcement_tag", location.Tag);
            json.WriteBoolean("announcement_is_prerelease", plan.IsPreRelease);
            json.WriteStartArray("releases");
            json.WriteStartObject();
            json.WriteString("app_name", plan.AppName);
            json.WriteString("app_version", plan.Version);
            json.WriteStartArray("artifacts");
            foreach (var (file, _, _) in sums) json.WriteStringValue(file.FileName);
            json.WriteStringValue(GithubNames.ChecksumFile);
            json.WriteEndArray();
            if (plan.Location is { } hosting)
            {
                var (owner, repo) = (hosting.Repository.Split('/')[0], hosting.Repository.Split('/')[1]);
                json.WriteStartObject("hosting");
                json.WriteStartObject("github");
                json.WriteString("artifact_base_url", "https://github.com");
                json.WriteString("artifact_download_path", $"/{hosting.Repository}/releases/download/{hosting.Tag}/");
                json.WriteString("owner", owner);
                json.WriteString("repo", repo);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartObject("artifacts");
            foreach (var (file, size, sha256) in sums)
            {
                json.WriteStartObject(file.FileName);
                json.WriteString("name", file.FileName);
                json.WriteString("kind", KindName(file.Kind));
                json.WriteStartArray("target_triples");
                foreach (var target in file.Targets) json.WriteStringValue(target.Triple);
                json.WriteEndArray();
                json.WriteNumber("size", size);
                json.WriteStartObject("checksums");
                json.WriteString("sha256", sha256);
                json.WriteEndObject();
                if (file.Kind == ReleaseFileKind.Archive && plan.Archives.FirstOrDefault(a => a.Path == file.Path) is { } archive)
                {
                    json.WriteStartArray("assets");
                    foreach (var executable in archive.Executables) WriteAsset(json, executable);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteStartObject(GithubNames.ChecksumFile);
            json.WriteString("name", GithubNames.ChecksumFile);
            json.WriteString("kind", "unified-checksum");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteAsset(Utf8JsonWriter json, string executable)
    {
        json.WriteStartObject();
        json.WriteString("name", Path.GetFileNameWithoutExtension(executable));
        json.WriteString("path", executable);
        json.WriteString("kind", "executable");
        json.WriteEndObject();
    }

    /// <summary>The manifest's kind names: cargo-dist's where it has one.</summary>
    public static string KindName(ReleaseFileKind kind) => kind switch
    {
        ReleaseFileKind.Archive => "executable-zip",
        ReleaseFileKind.Wheel => "wheel",
        ReleaseFileKind.NpmPackage => "npm-package",
        _ => "installer",
    };
}
