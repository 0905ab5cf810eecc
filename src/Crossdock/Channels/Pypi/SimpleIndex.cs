using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Crossdock.Channels.Pypi;

/// <summary>What the index says about one file: its sha256 when listed, or why that could not be found out.</summary>
public sealed record IndexLookup(string? Sha256, string? Problem);

/// <summary>
/// A repository's PEP 503 simple index, read to learn the sha256 of a file the upload API says already exists:
/// the upload reply does not tell whether the stored file has the same bytes, the index's
/// <c>#sha256=</c> link fragments do.
/// </summary>
public sealed partial class SimpleIndex(Uri indexUrl, PypiCredentials credentials, Uri uploadUrl, HttpClient http)
{
    public Uri Url => indexUrl;

    /// <summary>
    /// The index beside an upload URL: pypi.org's and test.pypi.org's for theirs, a sibling <c>simple/</c> of a
    /// warehouse-style <c>.../legacy/</c> path, else <c>simple/</c> under the upload URL (pypiserver's layout).
    /// </summary>
    public static Uri For(Uri uploadUrl) => uploadUrl.Host switch
    {
        "upload.pypi.org" => new Uri("https://pypi.org/simple/"),
        "test.pypi.org" => new Uri("https://test.pypi.org/simple/"),
        _ when uploadUrl.AbsolutePath.EndsWith("/legacy/", StringComparison.Ordinal) => new Uri(uploadUrl, "../simple/"),
        _ => new Uri(uploadUrl, "simple/"),
    };

    public async Task<IndexLookup> FindAsync(string normalizedProject, string fileName, CancellationToken cancellation)
    {
        var page = new Uri(indexUrl, Uri.EscapeDataString(normalizedProject) + "/");
        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        request.Headers.Accept.ParseAdd("text/html");
        // Credentials go only back to the server they are for, never to another host's index.
        if (SameOrigin(page, uploadUrl) && credentials.Password is { } password)
        {
            request.Headers.Authorization = BasicAuthorization(credentials.Username, password.Reveal());
        }
        try
        {
            using var response = await http.SendAsync(request, cancellation);
            if (response.StatusCode != HttpStatusCode.OK) return new IndexLookup(null, $"{page} answered HTTP {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync(cancellation);
            foreach (Match link in Anchor().Matches(html))
            {
                var href = WebUtility.HtmlDecode(link.Groups[1].Value);
                var hash = href.IndexOf('#', StringComparison.Ordinal);
                var path = hash < 0 ? href : href[..hash];
                if (Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]) != fileName) continue;
                var sha256 = hash < 0 ? null : Sha256Fragment().Match(href[(hash + 1)..]) is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : null;
                return sha256 is null ? new IndexLookup(null, $"{page} lists the file without a sha256") : new IndexLookup(sha256, null);
            }
            return new IndexLookup(null, $"{page} does not list it (yet)");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            return new IndexLookup(null, $"{page} could not be read: {credentials.Mask(e.Message)}");
        }
    }

    public static AuthenticationHeaderValue BasicAuthorization(string username, string password) =>
        new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{username}:{password}")));

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.GetLeftPart(UriPartial.Authority), b.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("""<a\s[^>]*?href\s*=\s*["']([^"']*)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex Anchor();

    [GeneratedRegex("(?:^|&)sha256=([0-9a-fA-F]{64})")]
    private static partial Regex Sha256Fragment();
}
