using Crossdock.Channels.Pypi;
using Crossdock.Core;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Pypi;

/// <summary>~/.pypirc and the credential order, following twine's get_config and its -u/-p environment defaults.</summary>
public sealed class PypircTests : IDisposable
{
    private readonly TempDir _home = new("crossdock-home-");

    public void Dispose() => _home.Dispose();

    private Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var all = variables.ToDictionary(v => v.Name, v => v.Value);
        all["HOME"] = _home.Path;
        return name => all.GetValueOrDefault(name);
    }

    [Fact]
    public void Without_a_file_pypi_and_testpypi_have_their_default_urls_and_nothing_else_exists()
    {
        var pypirc = Pypirc.Load(Environment());

        Assert.False(pypirc.Exists);
        Assert.Equal(new PypircRepository("pypi", "https://upload.pypi.org/legacy/", null, null), pypirc.Repository("pypi"));
        Assert.Equal("https://test.pypi.org/legacy/", pypirc.Repository("testpypi")!.Url);
        Assert.Null(pypirc.Repository("private"));
    }

    [Fact]
    public void Listed_sections_set_url_and_credentials_with_configparser_syntax()
    {
        _home.Write(".pypirc", """
            # a comment
            [distutils]
            index-servers =
                pypi
                private

            [pypi]
            USERNAME: __token__
            password = pypi-AgEIcHlwaS5vcmc%not-interpolated

            [private]
            repository = https://pypi.example.com/upload/
            username = ci
            ; another comment
            password = s3cret
            """);
        var pypirc = Pypirc.Load(Environment());

        Assert.Equal(["pypi", "private"], pypirc.IndexServers);
        Assert.Equal(new PypircRepository("pypi", "https://upload.pypi.org/legacy/", "__token__", "pypi-AgEIcHlwaS5vcmc%not-interpolated"), pypirc.Repository("pypi"));
        Assert.Equal(new PypircRepository("private", "https://pypi.example.com/upload/", "ci", "s3cret"), pypirc.Repository("private"));
        Assert.Null(pypirc.Repository("testpypi")); // not listed, so twine says "missing section"
        Assert.Equal("private", pypirc.RepositoryWithUrl(new Uri("https://pypi.example.com/upload"))!.Name);
    }

    [Fact]
    public void Sections_of_unlisted_repositories_are_ignored_and_server_login_is_everyones_default()
    {
        _home.Write(".pypirc", """
            [distutils]
            index-servers = testpypi

            [server-login]
            username = old-user
            password = old-password

            [pypi]
            password = ignored-because-pypi-is-not-listed
            """);
        var pypirc = Pypirc.Load(Environment());

        Assert.Equal(new PypircRepository("pypi", "https://upload.pypi.org/legacy/", "old-user", "old-password"), pypirc.Repository("pypi"));
        Assert.Equal(new PypircRepository("testpypi", "https://test.pypi.org/legacy/", "old-user", "old-password"), pypirc.Repository("testpypi"));
    }

    [Fact]
    public void An_option_before_any_section_is_an_error_naming_the_line()
    {
        _home.Write(".pypirc", "password = x\n");

        var error = Assert.Throws<CrossdockException>(() => Pypirc.Load(Environment()));

        Assert.Equal($"{_home[".pypirc"]}: line 1: an option before any [section] header", error.Message);
    }

    [Fact]
    public void Password_comes_from_twine_password_then_pypi_token_then_pypirc()
    {
        var section = new PypircRepository("pypi", Pypirc.PypiUploadUrl, "from-file", "file-password");

        var twine = PypiCredentials.Resolve(Environment(("TWINE_PASSWORD", "twine-password"), ("PYPI_TOKEN", "pypi-token")), section, "~/.pypirc");
        var token = PypiCredentials.Resolve(Environment(("TWINE_PASSWORD", ""), ("PYPI_TOKEN", "pypi-token")), section, "~/.pypirc");
        var file = PypiCredentials.Resolve(Environment(), section, "~/.pypirc");
        var none = PypiCredentials.Resolve(Environment(), null, "~/.pypirc");

        Assert.Equal(("from-file", "twine-password", "TWINE_PASSWORD"), (twine.Username, twine.Password!.Reveal(), twine.Source));
        Assert.Equal(("__token__", "pypi-token", "PYPI_TOKEN"), (token.Username, token.Password!.Reveal(), token.Source));
        Assert.Equal(("from-file", "file-password", "~/.pypirc [pypi]"), (file.Username, file.Password!.Reveal(), file.Source));
        Assert.Equal(("__token__", null, null), (none.Username, none.Password, none.Source));
        Assert.Equal("***", token.Password.ToString());
    }

    [Fact]
    public void Twine_username_wins_over_everything()
    {
        var section = new PypircRepository("pypi", Pypirc.PypiUploadUrl, "from-file", null);

        var credentials = PypiCredentials.Resolve(Environment(("TWINE_USERNAME", "someone"), ("PYPI_TOKEN", "t")), section, "~/.pypirc");

        Assert.Equal("someone", credentials.Username);
    }

    [Fact]
    public void Destination_is_the_url_option_then_twine_repository_url_then_the_named_repository()
    {
        _home.Write(".pypirc", """
            [distutils]
            index-servers = pypi testpypi mirror

            [mirror]
            repository = https://mirror.example.com/legacy/
            password = mirror-token
            """);

        var explicitUrl = PypiDestination.Resolve("testpypi", "https://mirror.example.com/legacy", Environment());
        var fromEnvironment = PypiDestination.Resolve(null, null, Environment(("TWINE_REPOSITORY_URL", "https://other.example.com/legacy/")));
        var named = PypiDestination.Resolve(null, null, Environment(("TWINE_REPOSITORY", "testpypi")));
        var byDefault = PypiDestination.Resolve(null, null, Environment());

        Assert.Equal("https://mirror.example.com/legacy/", explicitUrl.UploadUrl.ToString());
        Assert.Equal("mirror-token", explicitUrl.Credentials.Password!.Reveal()); // the .pypirc repository with that URL
        Assert.Equal("https://other.example.com/legacy/", fromEnvironment.UploadUrl.ToString());
        Assert.Null(fromEnvironment.Credentials.Password);
        Assert.Equal("testpypi (https://test.pypi.org/legacy/)", named.Label);
        Assert.Equal("https://upload.pypi.org/legacy/", byDefault.UploadUrl.ToString());
    }

    [Fact]
    public void An_unknown_repository_name_is_a_usage_error_listing_the_known_ones()
    {
        _home.Write(".pypirc", "[distutils]\nindex-servers = pypi mirror\n");

        var error = Assert.Throws<CrossdockException>(() => PypiDestination.Resolve("staging", null, Environment()));

        Assert.Equal(2, error.ExitCode);
        Assert.Equal($"no repository 'staging' in {_home[".pypirc"]} (its [distutils] index-servers lists: pypi mirror)", error.Message);
    }

    [Fact]
    public void A_plain_http_repository_in_pypirc_is_refused_unless_it_is_on_this_machine()
    {
        _home.Write(".pypirc", """
            [distutils]
            index-servers = lan local
            [lan]
            repository = http://192.168.1.20:8080/
            [local]
            repository = http://localhost:8080/
            """);

        var error = Assert.Throws<CrossdockException>(() => PypiDestination.Resolve("lan", null, Environment()));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains("uses plain http", error.Message, StringComparison.Ordinal);
        Assert.Equal("http://localhost:8080/", PypiDestination.Resolve("local", null, Environment()).UploadUrl.ToString());
    }
}
