using System.Text.Json;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Pypi;

/// <summary><c>crossdock publish pypi</c> against the fake upload server, and real pip installing what it stored.</summary>
public sealed class PublishPypiTests(PublishPypiTests.AllTargets packed) : IClassFixture<PublishPypiTests.AllTargets>, IDisposable
{
    /// <summary>One release of all eight targets, packed once by the first test that needs it; the tests only read its wheels.</summary>
    public sealed class AllTargets : IDisposable
    {
        private readonly Deferred<PackedRelease> _release = new(() => PackedRelease.Packed());

        public PackedRelease Release => _release.Value;

        public IReadOnlyList<string> Wheels => [.. Directory.GetFiles(Release.PypiDir, "*.whl").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

        public void Dispose() => _release.Dispose();
    }

    private readonly TempDir _home = new("crossdock-home-");

    public void Dispose() => _home.Dispose();

    [Fact]
    public void Uploaded_wheels_install_with_real_pip_from_the_servers_simple_index_and_run()
    {
        using var server = new FakePypiServer();

        var result = PypiPublishing.Publish(packed.Release, server, PypiPublishing.Environment(_home, server.Token));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(packed.Wheels, server.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var wheel in packed.Wheels)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(packed.Release.PypiDir, wheel)), server.Files[wheel].Content);
            Assert.Contains($"{wheel}: uploaded", result.Stdout, StringComparison.Ordinal);
        }
        Assert.All(server.Uploads, u => Assert.Equal("__token__", u.Username));

        var venv = Python.CreateVenv(_home["venv"]);
        var install = Python.Pip(venv, "install", "--pre", "--index-url", server.IndexUrl, "my-tool");
        Assert.True(install.ExitCode == 0, install.Output);
        Assert.Contains(server.Requests, r => r.StartsWith("GET /files/my_tool-1.2.0b1-py3-none-manylinux_2_34_x86_64.whl", StringComparison.Ordinal));
        Assert.Equal("crossdock-fixture 1.0.0\n", ProcessRunner.RunOk(Python.VenvBin(venv, "mytool"), ["--version"]).Stdout);
    }

    [Fact]
    public void A_503_and_a_connection_reset_are_retried_and_every_wheel_is_stored_exactly_once()
    {
        using var server = new FakePypiServer();
        server.FailUpload(1, InjectedFailure.ServiceUnavailable);
        server.FailUpload(4, InjectedFailure.ResetBeforeStoring);

        var result = PypiPublishing.Publish(packed.Release, server, PypiPublishing.Environment(_home, server.Token));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(packed.Wheels.Count + 2 == server.Uploads.Count, result.Output + string.Join("\n", server.Uploads.Select(u => $"{u.Number} {u.Status} {u.Message} {u.Content?.FileName}")));
        Assert.Equal(packed.Wheels, server.AcceptedUploads.Select(u => u.Content!.FileName!).Order(StringComparer.Ordinal));
        Assert.Contains("HTTP 503: upstream connect error", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, result.Stdout.Split('\n').Count(l => l.Contains("trying again in", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_reply_lost_after_the_server_stored_the_file_counts_as_uploaded_once()
    {
        using var server = new FakePypiServer();
        server.FailUpload(2, InjectedFailure.ResetAfterStoring);

        var result = PypiPublishing.Publish(packed.Release, server, PypiPublishing.Environment(_home, server.Token));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(packed.Wheels, server.AcceptedUploads.Select(u => u.Content!.FileName!).Order(StringComparer.Ordinal));
        var retried = server.Uploads.Single(u => u.Number == 3);
        Assert.StartsWith("File already exists", retried.Message, StringComparison.Ordinal);
        Assert.Contains($"{packed.Wheels[1]}: uploaded (an earlier attempt reached the server though its reply was lost", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_token_is_a_clear_error_quoting_the_server_and_never_printing_the_token()
    {
        using var server = new FakePypiServer { EchoCredentialsInErrors = true };
        const string wrong = "pypi-WrongTokenForThisServer-31337";

        var result = PypiPublishing.Publish(packed.Release, server, PypiPublishing.Environment(_home, wrong));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refused the upload with HTTP 403: Invalid or non-existent authentication information.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("password '***'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("password from PYPI_TOKEN", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, result.Output, StringComparison.Ordinal);
        Assert.Single(server.Uploads);
        Assert.Empty(server.Files);
    }

    [Fact]
    public void Uploading_again_fails_without_skip_existing_and_skips_every_wheel_with_it()
    {
        using var server = new FakePypiServer();
        var environment = PypiPublishing.Environment(_home, server.Token);
        Assert.Equal(0, PypiPublishing.Publish(packed.Release, server, environment).ExitCode);

        var again = PypiPublishing.Publish(packed.Release, server, environment);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains($"{packed.Wheels[0]} is already on {server.UploadUrl} with the same contents (HTTP 400: File already exists", again.Stderr, StringComparison.Ordinal);
        Assert.Contains("pass --skip-existing", again.Stderr, StringComparison.Ordinal);

        var skipping = PypiPublishing.Publish(packed.Release, server, environment, "--skip-existing", "--json");
        Assert.True(skipping.ExitCode == 0, skipping.Output);
        using var json = JsonDocument.Parse(skipping.Stdout);
        Assert.Equal(packed.Wheels.Count, json.RootElement.GetArrayLength());
        Assert.All(json.RootElement.EnumerateArray(), r => Assert.Equal("skipped", r.GetProperty("status").GetString()));
        Assert.Equal(packed.Wheels.Count, skipping.Stderr.Split('\n').Count(l => l.EndsWith("already on the server with the same sha256, skipped", StringComparison.Ordinal)));
        Assert.Equal(packed.Wheels.Count, server.Files.Count);
    }

    [Fact]
    public void A_file_name_taken_by_other_contents_is_an_error_even_with_skip_existing()
    {
        using var server = new FakePypiServer();
        server.Preload(packed.Wheels[2], [1, 2, 3]);

        var result = PypiPublishing.Publish(packed.Release, server, PypiPublishing.Environment(_home, server.Token), "--skip-existing");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{packed.Wheels[2]} is already on {server.UploadUrl} with different contents", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("release a new version", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("(2 wheel(s) were uploaded before it;", result.Stderr, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], server.Files[packed.Wheels[2]].Content);
    }

    [Fact]
    public void Dry_run_sends_nothing_and_lists_every_wheel_as_json()
    {
        using var server = new FakePypiServer();

        var result = PypiPublishing.Publish(packed.Release, server, PypiPublishing.Environment(_home, server.Token), "--dry-run", "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(server.Requests);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(packed.Wheels, json.RootElement.EnumerateArray().Select(r => Path.GetFileName(r.GetProperty("file").GetString()!)));
        Assert.All(json.RootElement.EnumerateArray(), r =>
        {
            Assert.Equal("would-publish", r.GetProperty("status").GetString());
            Assert.Equal("my-tool", r.GetProperty("package").GetString());
            Assert.Equal("1.2.0b1", r.GetProperty("version").GetString());
        });
        Assert.Contains("would upload 8 wheel(s) to " + server.UploadUrl + " as __token__ with the password from PYPI_TOKEN", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_token_nothing_is_sent_and_a_dry_run_warns_instead_of_failing()
    {
        using var server = new FakePypiServer();
        var environment = PypiPublishing.Environment(_home, null);

        var result = PypiPublishing.Publish(packed.Release, server, environment);
        var dryRun = PypiPublishing.Publish(packed.Release, server, environment, "--dry-run");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing was uploaded: no PyPI token: set PYPI_TOKEN (or TWINE_PASSWORD)", result.Stderr, StringComparison.Ordinal);
        Assert.True(dryRun.ExitCode == 0, dryRun.Output);
        Assert.Contains("no PyPI token found: the real run would stop here", dryRun.Stdout, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void A_repository_named_in_pypirc_gives_the_url_and_the_token()
    {
        using var server = new FakePypiServer();
        _home.Write(".pypirc", $"""
            [distutils]
            index-servers =
                pypi
                local

            [local]
            repository = {server.UploadUrl}
            username = __token__
            password = {server.Token}
            """);

        var result = PypiPublishing.Publish(packed.Release, PypiPublishing.Environment(_home, null), "--repository", "local");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"to local ({server.UploadUrl}) as __token__ with the password from {_home[".pypirc"]} [local]", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(packed.Wheels.Count, server.Files.Count);
    }

    [Fact]
    public void A_verify_failure_stops_before_any_request()
    {
        using var release = PypiPublishing.ReleaseOf("x86_64-unknown-linux-gnu");
        using var server = new FakePypiServer();
        var environment = PypiPublishing.Environment(_home, server.Token);
        Assert.Equal(0, PypiPublishing.Publish(release, server, environment, "--dry-run").ExitCode); // only the damage below stops it
        var wheel = release.Wheel("x86_64");
        File.AppendAllText(wheel, "not part of the zip");

        var result = PypiPublishing.Publish(release, server, environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing was published: fix the problems above first", result.Stderr, StringComparison.Ordinal);
        Assert.Equal($"{wheel}: zip: {wheel}: is not a zip file (no end-of-central-directory record)", result.Stdout.Trim());
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("http://pypi.example.com/legacy/", "uses plain http")]
    [InlineData("http://10.0.0.5:8080/legacy/", "uses plain http")]
    [InlineData("https://someone:pypi-SecretInUrl@pypi.example.com/legacy/", "has a user name or password in it")]
    [InlineData("ftp://example.com/", "is not an http(s) URL")]
    public void A_repository_url_that_would_expose_the_token_is_refused_as_a_usage_error(string url, string message)
    {
        var result = PypiPublishing.Publish(packed.Release, PypiPublishing.Environment(_home, "pypi-SomeToken-123"), "--repository-url", url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretInUrl", result.Output, StringComparison.Ordinal);
    }
}
