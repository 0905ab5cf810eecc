using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.NuGet;

/// <summary>
/// <c>crossdock publish nuget</c> with the real <c>dotnet nuget push</c> against a loopback NuGet V3 push endpoint
/// (<see cref="FakeNugetServer"/>: a folder feed has no duplicate rule to resume on).
/// </summary>
[Collection(DotnetToolCollection.Name)]
public sealed class PublishNugetTests : IDisposable
{
    private readonly NugetRelease _release = NugetRelease.For("x86_64-unknown-linux-gnu", "x86_64-pc-windows-msvc", "aarch64-apple-darwin");
    private readonly FakeNugetServer _feed = new();

    public void Dispose()
    {
        _feed.Dispose();
        _release.Dispose();
    }

    private ProcessResult Publish(string? key = FakeNugetServer.ApiKey, params string[] extra) =>
        CrossdockRunner.Run(key is null ? null : new Dictionary<string, string> { ["NUGET_API_KEY"] = key },
            ["publish", "nuget", "--config", _release.Release.ConfigPath, "--out", _release.Release.Out, "--source", _feed.Source, .. extra]);

    [Fact]
    public void Rid_packages_go_first_and_the_pointer_last_with_the_key_never_printed()
    {
        var result = Publish();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(["my-tool.linux-x64", "my-tool.osx-arm64", "my-tool.win-x64", "my-tool"], _feed.Pushes.Select(p => p.Id));
        Assert.All(_feed.Pushes, p => Assert.Equal((FakeNugetServer.ApiKey, "1.2.0-beta.1", 201), (p.ApiKey, p.Version, p.Status)));
        Assert.Contains("[4/4] my-tool 1.2.0-beta.1: pushed", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeNugetServer.ApiKey, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_framework_dependent_any_package_goes_with_the_rid_packages_before_the_pointer()
    {
        using var publish = new TempDir("crossdock-fdd-");
        publish.Write("mytool.dll", "MZ stand-in");
        publish.Write("mytool.runtimeconfig.json", "{\"runtimeOptions\": {\"tfm\": \"net10.0\"}}");
        File.Delete(_release.Pointer);
        _release.Assemble("--nuget-framework-dependent", publish.Path);

        var result = Publish();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(["my-tool.any", "my-tool.linux-x64", "my-tool.osx-arm64", "my-tool.win-x64", "my-tool"], _feed.Pushes.Select(p => p.Id));
    }

    [Fact]
    public void A_push_that_fails_midway_is_finished_by_running_it_again_skipping_what_the_feed_has()
    {
        _feed.FailFrom = 3;

        var failed = Publish();
        _feed.FailFrom = 0;

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("dotnet nuget push of my-tool.win-x64 1.2.0-beta.1 failed", failed.Stderr, StringComparison.Ordinal);
        Assert.Contains("2 package(s) were pushed before it — run the same command again", failed.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("my-tool", _feed.Pushes.Where(p => p.Status == 201).Select(p => p.Id)); // never the pointer before its RID packages

        var resumed = Publish();

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Contains("[1/4] my-tool.linux-x64 1.2.0-beta.1: already on the feed, skipped", resumed.Stdout, StringComparison.Ordinal);
        Assert.Contains("[3/4] my-tool.win-x64 1.2.0-beta.1: pushed", resumed.Stdout, StringComparison.Ordinal);
        Assert.Equal(["my-tool.linux-x64", "my-tool.osx-arm64", "my-tool.win-x64", "my-tool"], _feed.Pushes.Where(p => p.Status == 201).Select(p => p.Id));
        Assert.DoesNotContain(FakeNugetServer.ApiKey, failed.Output + resumed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_key_stops_at_the_first_package_without_printing_it()
    {
        var result = Publish("wrong-key-that-must-stay-secret");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("dotnet nuget push of my-tool.linux-x64 1.2.0-beta.1 failed", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key-that-must-stay-secret", result.Output, StringComparison.Ordinal);
        Assert.Single(_feed.Pushes);
    }

    [Fact]
    public void Dry_run_lists_the_pushes_in_order_and_sends_nothing()
    {
        var result = Publish(null, "--dry-run");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("[1/4] my-tool.linux-x64 1.2.0-beta.1: would push", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[4/4] my-tool 1.2.0-beta.1: would push", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(_feed.Pushes);
    }

    [Fact]
    public void Nothing_is_pushed_when_verify_finds_a_problem()
    {
        File.Delete(_release.RidPackage("osx-arm64"));

        var result = Publish();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no NuGet package my-tool.osx-arm64", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(_feed.Pushes);
    }
}
