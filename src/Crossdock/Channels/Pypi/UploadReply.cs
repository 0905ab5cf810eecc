using System.Net;
using System.Text.RegularExpressions;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// What the upload API answered: the status and the server's own words. Warehouse puts its error message in the
/// HTTP reason phrase (and an HTML page around it in the body), other servers in the body; <see cref="Message"/>
/// is whichever says more than the standard phrase, on one line.
/// </summary>
public sealed partial record UploadReply(HttpStatusCode Status, string Message, TimeSpan? RetryAfter)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    /// <summary>
    /// twine's skip_upload rules for "this file is already there": 409 (pypiserver), 400 "already exist(s)"
    /// (PyPI, TestPyPI), 400 "updating asset" (Nexus), 403 "overwrite artifact" (Artifactory), 400 "already been
    /// taken" (GitLab).
    /// </summary>
    public bool SaysFileExists
    {
        get
        {
            var text = Message.ToLowerInvariant();
            return Status == HttpStatusCode.Conflict
                || (Status == HttpStatusCode.BadRequest && (text.Contains("already exist", StringComparison.Ordinal)
                    || text.Contains("updating asset", StringComparison.Ordinal) || text.Contains("already been taken", StringComparison.Ordinal)))
                || (Status == HttpStatusCode.Forbidden && text.Contains("overwrite artifact", StringComparison.Ordinal));
        }
    }

    public string StatusText => $"HTTP {(int)Status}";

    public static async Task<UploadReply> ReadAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        var body = await response.Content.ReadAsStringAsync(cancellation);
        var standard = new HttpResponseMessage(response.StatusCode).ReasonPhrase;
        var reason = response.ReasonPhrase?.Trim() ?? "";
        var bodyText = OneLine(HtmlTag().Replace(body, " "));
        var message = reason.Length > 0 && !string.Equals(reason, standard, StringComparison.OrdinalIgnoreCase) ? reason
            : bodyText.Length > 0 ? bodyText
            : reason.Length > 0 ? reason : response.StatusCode.ToString();
        var retryAfter = response.Headers.RetryAfter is { } after
            ? after.Delta ?? (after.Date is { } date ? date - DateTimeOffset.UtcNow : null)
            : null;
        return new UploadReply(response.StatusCode, message.Length > 400 ? message[..400] + "…" : message, retryAfter);
    }

    private static string OneLine(string text) => Whitespace().Replace(WebUtility.HtmlDecode(text), " ").Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
