using System.Text.Json;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Npm;

/// <summary><c>crossdock publish npm</c> against a real Verdaccio on 127.0.0.1, installed afterwards with real npm.</summary>
public sealed class PublishNpmTests : IDisposable
{
    private readonly Verdaccio _registry = new();
    private readonly PackedRelease _release = new();

    public PublishNpmTests()
    {
        _release.Pack();
        CrossdockRunner.RunOk("assemble", "--config", _release.ConfigPath, "--out", _release.Out);
    }

    public void Dispose()
    {
        _registry.Dispose();
        _release.Dispose();
    }

    private Dictionary<string, string> TokenEnvironment => new() { ["NODE_AUTH_TOKEN"] = _registry.Token, ["HOME"] = _release.Dir.Path };

    private ProcessResult Publish(IReadOnlyDictionary<string, string>? environment, params string[] extra) =>
        CrossdockRunner.Run(environment ?? TokenEnvironment, ["publish", "npm", "--config", _release.ConfigPath, "--out", _release.Out, "--registry", _registry.Url, .. extra]);

    private Dictionary<string, int> PublishedVersions()
    {
        using var http = new HttpClient();
        var versions = new Dictionary<string, int>();
        foreach (var tarball in Directory.GetFiles(_release.NpmDir, "*.tgz"))
        {
            var name = Crossdock.Channels.Npm.PackageTarball.ReadManifest(tarball).Name;
            var response = http.GetAsync(_registry.Url + name.Replace("/", "%2f", StringComparison.Ordinal)).Result;
            versions[name] = response.IsSuccessStatusCode
                ? JsonDocument.Parse(response.Content.ReadAsStringAsync().Result).RootElement.GetProperty("versions").EnumerateObject().Count()
                : 0;
        }
        return versions;
    }

    [Fact]
    public void Release_is_published_platform_packages_first_main_last_and_installs()
    {
        var result = Publish(null);

        Assert.True(result.ExitCode == 0, result.Output);
        var lines = result.Stdout.TrimEnd('\n').Split('\n').Where(l => l.StartsWith('[')).ToList();
        Assert.Equal(9, lines.Count);
        Assert.Contains("my-tool@1.2.0-beta.1: published with tag 'next'", lines[^1], StringComparison.Ordinal);
        Assert.All(PublishedVersions().Values, count => Assert.Equal(1, count));

        var project = _release.Dir["consumer"];
        Directory.CreateDirectory(project);
        var npm = _registry.NpmEnvironment(_release.Dir);
        NpmClient.RunOk(npm, project, "install", "my-tool@next");
        Assert.Equal("crossdock-fixture 1.0.0\n", ProcessRunner.RunOk(Path.Combine(project, "node_modules", ".bin", "mytool"), ["--version"], project).Stdout);
    }

    [Fact]
    public async Task Registry_dying_halfway_then_a_rerun_finishes_the_release_exactly_once()
    {
        var run = Task.Run(() => Publish(null), TestContext.Current.CancellationToken);
        // Kill the registry as soon as two platform packages are on it.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && PublishedVersions().Values.Sum() < 2) await Task.Delay(50, TestContext.Current.CancellationToken);
        _registry.Stop();
        var failed = await run;

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("run the same command again to finish the release", failed.Stderr, StringComparison.Ordinal);

        _registry.Start();
        var partial = PublishedVersions();
        Assert.InRange(partial.Values.Sum(), 2, 8);
        Assert.Equal(0, partial["my-tool"]); // the main package never goes before its platform packages

        var rerun = Publish(null);

        Assert.True(rerun.ExitCode == 0, rerun.Output);
        Assert.Contains("already published with the same contents, skipped", rerun.Stdout, StringComparison.Ordinal);
        Assert.All(PublishedVersions().Values, count => Assert.Equal(1, count));
        var project = _release.Dir["after-resume"];
        Directory.CreateDirectory(project);
        NpmClient.RunOk(_registry.NpmEnvironment(_release.Dir), project, "install", "my-tool@1.2.0-beta.1");
        Assert.Equal("crossdock-fixture 1.0.0\n", ProcessRunner.RunOk(Path.Combine(project, "node_modules", ".bin", "mytool"), ["--version"], project).Stdout);
    }

    [Fact]
    public void Version_already_published_with_different_bytes_stops_before_any_upload()
    {
        // Publish one platform package as it is, then repack it with another timestamp: same version, other bytes.
        var host = Path.Combine(_release.NpmDir, "my-tool-linux-x64-gnu-1.2.0-beta.1.tgz");
        NpmClient.RunOk(_registry.NpmEnvironment(_release.Dir), _release.Dir.Path, "publish", host, "--tag", "next");
        _release.Pack(["x86_64-unknown-linux-gnu"], new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" });

        var result = Publish(null);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing was published: my-tool-linux-x64-gnu@1.2.0-beta.1 is already published with different contents", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, PublishedVersions().Values.Sum());
    }

    [Fact]
    public void Dry_run_publishes_nothing_and_json_lists_every_package()
    {
        var result = Publish(null, "--dry-run", "--json");

        Assert.Equal(0, result.ExitCode);
        using var summary = JsonDocument.Parse(result.Stdout);
        Assert.Equal(9, summary.RootElement.GetArrayLength());
        Assert.All(summary.RootElement.EnumerateArray(), item => Assert.Equal("would-publish", item.GetProperty("status").GetString()));
        Assert.Equal("my-tool", summary.RootElement[8].GetProperty("package").GetString());
        Assert.Equal(0, PublishedVersions().Values.Sum());
    }

    [Fact]
    public void Missing_token_and_plain_http_registries_are_refused_before_anything_is_sent()
    {
        var noToken = Publish(new Dictionary<string, string> { ["HOME"] = _release.Dir.Path });
        var plainHttp = CrossdockRunner.Run(TokenEnvironment, "publish", "npm", "--config", _release.ConfigPath, "--out", _release.Out, "--registry", "http://registry.example.com/");

        Assert.Equal(1, noToken.ExitCode);
        Assert.Contains("nothing was published: no npm token", noToken.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, plainHttp.ExitCode);
        Assert.Contains("uses plain http", plainHttp.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, PublishedVersions().Values.Sum());
    }

    [Fact]
    public void An_empty_NODE_AUTH_TOKEN_counts_as_unset_and_NPM_TOKEN_is_used()
    {
        var result = Publish(new Dictionary<string, string> { ["NODE_AUTH_TOKEN"] = "", ["NPM_TOKEN"] = _registry.Token, ["HOME"] = _release.Dir.Path }, "--dry-run");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("authenticated as crossdock", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_token_fails_the_preflight_and_is_never_printed()
    {
        const string bogus = "c3VwZXItc2VjcmV0LXRva2VuLXRoYXQtbXVzdC1uZXZlci1sZWFr";

        var results = new[]
        {
            Publish(new Dictionary<string, string> { ["NODE_AUTH_TOKEN"] = bogus, ["HOME"] = _release.Dir.Path }),
            Publish(new Dictionary<string, string> { ["NPM_TOKEN"] = bogus, ["HOME"] = _release.Dir.Path }, "--json"),
            Publish(new Dictionary<string, string> { ["NODE_AUTH_TOKEN"] = bogus, ["HOME"] = _release.Dir.Path }, "--dry-run"),
        };

        Assert.All(results, r => Assert.Equal(1, r.ExitCode));
        Assert.Contains("the token was rejected", results[0].Stderr, StringComparison.Ordinal);
        Assert.All(results, r => Assert.DoesNotContain(bogus, r.Output, StringComparison.Ordinal));
        Assert.Equal(0, PublishedVersions().Values.Sum());
    }
}
