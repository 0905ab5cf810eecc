using Crossdock.Core.Publishing;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// Who an upload authenticates as. The password (an API token on PyPI) is a <see cref="Secret"/>: it is never
/// printed, and <see cref="Source"/> names where it came from so that messages can say so instead.
/// </summary>
public sealed record PypiCredentials(string Username, Secret? Password, string? Source)
{
    /// <summary>The username of PyPI API tokens; PyPI accepts no other kind of credential for uploads.</summary>
    public const string TokenUsername = "__token__";

    /// <summary>
    /// twine's order (its -u/-p options default to TWINE_USERNAME/TWINE_PASSWORD, then the .pypirc section is
    /// read), with PYPI_TOKEN between the two: the password is TWINE_PASSWORD, else PYPI_TOKEN, else the
    /// section's password (or [server-login]'s); the username is TWINE_USERNAME, else <c>__token__</c> for a
    /// PYPI_TOKEN, else the section's username, else <c>__token__</c>. Empty variables count as unset, as CI
    /// systems set a missing secret to "".
    /// </summary>
    public static PypiCredentials Resolve(Func<string, string?> environment, PypircRepository? section, string pypircPath)
    {
        string? Variable(string name) => environment(name) is { Length: > 0 } value ? value : null;

        var (password, source) = Variable("TWINE_PASSWORD") is { } twine ? (twine, "TWINE_PASSWORD")
            : Variable("PYPI_TOKEN") is { } token ? (token, "PYPI_TOKEN")
            : section?.Password is { Length: > 0 } stored ? (stored, $"{pypircPath} [{section.Name}]")
            : ((string?)null, (string?)null);
        var username = Variable("TWINE_USERNAME")
            ?? (source == "PYPI_TOKEN" ? TokenUsername : null)
            ?? (section?.Username is { Length: > 0 } user ? user : TokenUsername);
        return new PypiCredentials(username, password is null ? null : new Secret(password), source);
    }

    /// <summary>Scrubs the password from text that may quote it (a server's error, an exception message).</summary>
    public string Mask(string text) => Password?.Mask(text) ?? text;
}
