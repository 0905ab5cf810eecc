using Crossdock.Core;
using Crossdock.Core.Publishing;

namespace Crossdock.Channels.Pypi;

/// <summary>Where the wheels go and as whom: the upload URL, a name for it in messages, and the credentials.</summary>
public sealed record PypiDestination(Uri UploadUrl, string Label, PypiCredentials Credentials)
{
    /// <summary>
    /// The upload URL is <c>--repository-url</c> (or TWINE_REPOSITORY_URL), else the URL of repository
    /// <c>--repository</c> (or TWINE_REPOSITORY, default <c>pypi</c>) in ~/.pypirc, with twine's defaults for
    /// <c>pypi</c> and <c>testpypi</c>. Credentials come from the environment or that repository's section; with
    /// an explicit URL, from the .pypirc repository with that same URL if there is one (twine 4 reads none).
    /// Plain http is refused except to this machine.
    /// </summary>
    public static PypiDestination Resolve(string? repositoryName, string? repositoryUrl, Func<string, string?> environment)
    {
        var pypirc = Pypirc.Load(environment);
        try
        {
            return Resolve(repositoryName, repositoryUrl, environment, pypirc);
        }
        catch (CrossdockException e)
        {
            // A token pasted into a URL or a repository name would be quoted back by these errors: mask every
            // secret there is, since which one applies is not settled yet.
            var secrets = new[] { environment("TWINE_PASSWORD"), environment("PYPI_TOKEN") }.Concat(pypirc.Passwords)
                .OfType<string>().Where(s => s.Length > 0).Select(s => new Secret(s));
            throw new CrossdockException(secrets.Aggregate(e.Message, (text, secret) => secret.Mask(text)), e.ExitCode);
        }
    }

    private static PypiDestination Resolve(string? repositoryName, string? repositoryUrl, Func<string, string?> environment, Pypirc pypirc)
    {
        var url = repositoryUrl ?? (environment("TWINE_REPOSITORY_URL") is { Length: > 0 } fromEnvironment ? fromEnvironment : null);
        if (url is not null)
        {
            var uri = Require(url, "--repository-url");
            return new PypiDestination(uri, uri.ToString(), PypiCredentials.Resolve(environment, pypirc.RepositoryWithUrl(uri), pypirc.Path));
        }

        var name = repositoryName ?? (environment("TWINE_REPOSITORY") is { Length: > 0 } named ? named : "pypi");
        var section = pypirc.Repository(name) ?? throw CrossdockException.Usage(
            $"no repository '{name}' in {pypirc.Path}" + (pypirc.Exists ? $" (its [distutils] index-servers lists: {string.Join(' ', pypirc.IndexServers)})" : " (the file does not exist; only 'pypi' and 'testpypi' are known without it)"));
        if (section.Url is null) throw CrossdockException.Usage($"repository '{name}' in {pypirc.Path} has no 'repository' URL");
        var upload = Require(section.Url, $"repository '{name}' in {pypirc.Path}");
        return new PypiDestination(upload, $"{name} ({upload})", PypiCredentials.Resolve(environment, section, pypirc.Path));
    }

    /// <summary>
    /// RegistryUrls' rules, and no credentials inside the URL: they would be printed with it in every message.
    /// The URL itself is left out of that error so that a password in it goes nowhere.
    /// </summary>
    private static Uri Require(string url, string what)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.UserInfo.Length > 0)
        {
            throw CrossdockException.Usage($"{what} has a user name or password in it; set PYPI_TOKEN (or TWINE_USERNAME/TWINE_PASSWORD) instead");
        }
        return RegistryUrls.Require(url, what);
    }
}
