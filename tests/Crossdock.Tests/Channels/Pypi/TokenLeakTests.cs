using System.Net;
using System.Net.Sockets;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Pypi;

/// <summary>
/// Every crossdock command, run with a token in every variable crossdock or twine reads (and in ~/.pypirc),
/// through successes and failures — including a server that quotes the token back — must never print it.
/// (assemble is left out: it reads no credentials.)
/// </summary>
public sealed class TokenLeakTests : IDisposable
{
    private const string Token = "pypi-LeakCanary-7c0ffee1d0dec0de";

    private readonly TempDir _home = new("crossdock-home-");
    private readonly List<(string Command, ProcessResult Result)> _runs = [];

    public void Dispose() => _home.Dispose();

    [Fact]
    public void No_command_prints_the_token()
    {
        using var release = new PackedRelease();
        using var server = new FakePypiServer(Token);
        using var wrongServer = new FakePypiServer { EchoCredentialsInErrors = true };
        using var flakyServer = new FakePypiServer(Token);
        flakyServer.FailUpload(1, InjectedFailure.ServiceUnavailable);
        flakyServer.FailUpload(3, InjectedFailure.ResetBeforeStoring);
        flakyServer.FailUpload(5, InjectedFailure.ResetAfterStoring);
        _home.Write(".pypirc", $"[distutils]\nindex-servers = pypi local\n[pypi]\npassword = {Token}\n[local]\nrepository = {server.UploadUrl}\npassword = {Token}\n");
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = _home.Path,
            ["PYPI_TOKEN"] = Token,
            ["TWINE_PASSWORD"] = Token,
            ["NPM_TOKEN"] = Token,
            ["NODE_AUTH_TOKEN"] = Token,
        };
        string[] project = ["--config", release.ConfigPath, "--out", release.Out];
        var closedPort = $"http://127.0.0.1:{ClosedPort()}/";

        Run(environment, ["inspect", "--json", Fixtures.Path("host-gnu")]);
        Run(environment, ["pack", .. project, .. PackedRelease.FixtureByTarget.Keys.SelectMany(t => new[] { "--target", t }), .. PackedRelease.FixtureByTarget.Values.Select(Fixtures.Path)]);
        Run(environment, ["verify", "--config", release.ConfigPath, "--json", release.Out]);
        Run(environment, ["publish", "pypi", "--help"]);
        Run(environment, ["publish", "pypi", .. project, "--repository-url", server.UploadUrl, "--dry-run"]);
        Run(environment, ["publish", "pypi", .. project, "--repository-url", server.UploadUrl, "--dry-run", "--json"]);
        Run(environment, ["publish", "pypi", .. project, "--repository-url", wrongServer.UploadUrl]);
        Run(environment, ["publish", "pypi", .. project, "--repository-url", wrongServer.UploadUrl, "--json"]);
        Run(environment, ["publish", "pypi", .. project, "--repository-url", flakyServer.UploadUrl]);
        Run(environment, ["publish", "pypi", .. project, "--repository-url", server.UploadUrl, "--json"]);
        Run(environment, ["publish", "pypi", .. project, "--repository-url", server.UploadUrl]);
        Run(environment, ["publish", "pypi", .. project, "--repository", "local", "--skip-existing"]);
        Run(environment, ["publish", "pypi", .. project, "--repository-url", closedPort]);
        Run(environment, ["publish", "pypi", .. project, "--repository-url", $"https://__token__:{Token}@pypi.example.com/legacy/"]);
        Run(environment, ["publish", "pypi", .. project, "--repository-url", $"http://pypi.example.com/{Token}/"]);
        Run(environment, ["publish", "pypi", .. project, "--repository", Token]);
        Run(environment, ["publish", "npm", .. project, "--registry", closedPort]);
        Run(environment, ["publish", "npm", .. project, "--registry", closedPort, "--dry-run", "--json"]);

        // The runs must have gone where they were meant to: uploads, refusals and failures all happened.
        Assert.Equal(release.Dir.Files().Count(f => f.EndsWith(".whl", StringComparison.Ordinal)), server.Files.Count);
        Assert.Contains(wrongServer.Uploads, u => u.Message.Contains(Token, StringComparison.Ordinal));
        Assert.Equal(8, flakyServer.Files.Count);
        Assert.Contains(_runs, r => r.Result.Stderr.Contains("password '***'", StringComparison.Ordinal));
        Assert.All(_runs, run => Assert.False(
            run.Result.Output.Contains(Token, StringComparison.Ordinal) || run.Result.Output.Contains(Token[5..], StringComparison.Ordinal),
            $"crossdock {run.Command} printed the token:\n{run.Result.Output}"));
    }

    private void Run(Dictionary<string, string> environment, string[] args) =>
        _runs.Add((string.Join(' ', args), CrossdockRunner.Run(environment, args)));

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
