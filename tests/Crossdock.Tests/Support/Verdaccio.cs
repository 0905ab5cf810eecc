using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Crossdock.Tests.Support;

/// <summary>
/// A real Verdaccio npm registry on 127.0.0.1 (a free port, storage in a temp folder), started from
/// tools/node_modules as installed by ./test.sh. It can be stopped and started again on the same port and
/// storage, to test publishing that resumes after the registry went away.
/// </summary>
public sealed class Verdaccio : IDisposable
{
    private readonly TempDir _dir = new("crossdock-verdaccio-");
    private readonly string _executable;
    private Process? _process;

    public Verdaccio()
    {
        _executable = Tools.RequireFile(Repository.PathOf("tools", "node_modules", "verdaccio", "bin", "verdaccio"), "Verdaccio");
        Tools.Require("node");
        Port = FreePort();
        File.WriteAllText(_dir["config.yaml"], $"""
            storage: {_dir["storage"]}
            auth:
              htpasswd:
                file: {_dir["htpasswd"]}
                max_users: 100
            uplinks: {'{'}{'}'}
            packages:
              '@*/*':
                access: $all
                publish: $authenticated
              '**':
                access: $all
                publish: $authenticated
            max_body_size: 1000mb
            log: {'{'} type: stdout, format: pretty, level: warn {'}'}
            """);
        Start();
        Token = CreateUser("crossdock", "crossdock-test-password");
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    /// <summary>An auth token for a user created at start.</summary>
    public string Token { get; }

    public void Start()
    {
        var start = new ProcessStartInfo("node", [_executable, "--config", _dir["config.yaml"], "--listen", $"127.0.0.1:{Port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Verdaccio exited with {_process.ExitCode}");
            try
            {
                if (http.GetAsync(Url + "-/ping").Result.IsSuccessStatusCode) return;
            }
            catch (AggregateException)
            {
                // not listening yet
            }
            Thread.Sleep(200);
        }
        throw new TimeoutException("Verdaccio did not start within 60 s");
    }

    public void Stop()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    /// <summary>An npm user config (.npmrc) for this registry with the token, and a private cache folder.</summary>
    public IReadOnlyDictionary<string, string?> NpmEnvironment(TempDir dir)
    {
        var npmrc = dir.Write(".npmrc-verdaccio", $"registry={Url}\n//127.0.0.1:{Port}/:_authToken={Token}\naudit=false\nfund=false\nupdate-notifier=false\n");
        return new Dictionary<string, string?>
        {
            ["NPM_CONFIG_USERCONFIG"] = npmrc,
            ["npm_config_cache"] = dir["npm-cache"],
            ["npm_config_registry"] = Url,
            ["NODE_AUTH_TOKEN"] = null,
            ["NPM_TOKEN"] = null,
        };
    }

    private string CreateUser(string name, string password)
    {
        using var http = new HttpClient();
        var response = http.PutAsJsonAsync($"{Url}-/user/org.couchdb.user:{name}", new { name, password }).Result;
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"creating the Verdaccio user failed: {response.StatusCode}");
        using var body = System.Text.Json.JsonDocument.Parse(response.Content.ReadAsStringAsync().Result);
        return body.RootElement.GetProperty("token").GetString()!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Stop();
        _dir.Dispose();
    }
}
