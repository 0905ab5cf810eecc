using System.Net;

namespace Crossdock.Core.Publishing;

/// <summary>Registry and repository URLs crossdock will send credentials to.</summary>
public static class RegistryUrls
{
    /// <summary>
    /// Parses <paramref name="url"/> and refuses plain http except to this machine (a test registry on loopback):
    /// anywhere else a token would cross the network in clear text.
    /// </summary>
    public static Uri Require(string url, string what)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw CrossdockException.Usage($"{what} '{url}' is not an http(s) URL");
        }
        if (uri.UserInfo.Length > 0)
        {
            // Never echo it back: the part before '@' may be a password.
            throw CrossdockException.Usage($"{what} has a user name or password in it; pass credentials through the environment or your config file instead");
        }
        if (uri.Scheme == "http" && !IsLoopback(uri))
        {
            throw CrossdockException.Usage($"{what} '{url}' uses plain http; only https is allowed, except for a registry on this machine (127.0.0.1, ::1, localhost)");
        }
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
