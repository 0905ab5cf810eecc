using System.Text;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// A wheel's RECORD: every file with <c>sha256=</c> urlsafe-base64 digest (no padding) and size, RECORD itself
/// last with empty hash and size (binary distribution format spec).
/// </summary>
public sealed class RecordFile(string recordPath)
{
    private readonly List<(string Path, byte[] Sha256, long Size)> _files = [];

    public void Add(string path, byte[] sha256, long size) => _files.Add((path, sha256, size));

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var (path, sha256, size) in _files)
        {
            text.Append(Csv(path)).Append(",sha256=").Append(UrlSafeBase64(sha256)).Append(',').Append(size).Append('\n');
        }
        text.Append(Csv(recordPath)).Append(",,\n");
        return text.ToString();
    }

    /// <summary>The digest form RECORD uses: base64url without '=' padding.</summary>
    public static string UrlSafeBase64(byte[] digest) =>
        Convert.ToBase64String(digest).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
