using System.Net;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// When and how often an upload is tried again: on a 5xx or 429 reply and on a broken connection (reset,
/// closed before the reply, timed out), up to <see cref="Attempts"/> tries with exponential backoff — or the
/// server's Retry-After, capped. Failures another try cannot fix (a 4xx, an unknown host, a TLS error) are not
/// retried.
/// </summary>
public sealed record UploadRetryPolicy(int Attempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>Four tries, waiting 1, 2 and 4 seconds between them.</summary>
    public static UploadRetryPolicy Default { get; } = new(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    /// <summary>The wait before try <paramref name="attempt"/> (2 for the first retry).</summary>
    public TimeSpan DelayBefore(int attempt, TimeSpan? retryAfter)
    {
        var backoff = FirstDelay * Math.Pow(2, Math.Max(0, attempt - 2));
        var wait = retryAfter is { } asked && asked > backoff ? asked : backoff;
        return wait < MaxDelay ? wait : MaxDelay;
    }

    public static bool IsRetryable(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    /// <summary>A broken exchange worth another try; <c>false</c> for failures that would repeat.</summary>
    public static bool IsRetryable(Exception failure) => failure switch
    {
        HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError or HttpRequestError.UserAuthenticationError or HttpRequestError.ConfigurationLimitExceeded
        } => false,
        HttpRequestException or IOException or TimeoutException => true,
        _ => false,
    };
}
