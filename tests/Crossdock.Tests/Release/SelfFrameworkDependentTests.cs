using Crossdock.Core;
using Crossdock.Tests.Channels.NuGet;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Release;

/// <summary>
/// crossdock's own <c>crossdock.any</c> package, made as its release workflow makes it (crossdock.toml sets
/// <c>[nuget] framework-dependent = true</c>): the framework-dependent publish of src/Crossdock, assembled beside a
/// RID package for another platform only, installs on this machine through the SDK's <c>any</c> fallback and runs.
/// </summary>
[Collection(DotnetToolCollection.Name)]
public sealed class SelfFrameworkDependentTests
{
    [Fact]
    public void Crossdocks_any_package_installs_where_no_rid_package_fits_and_runs()
    {
        using var dir = new TempDir("crossdock-self-any-");
        // The workflow's step, with its own artifacts folder so it shares no obj/ with the test run's build.
        ProcessRunner.RunOk(Tools.Require("dotnet"), ["publish", Repository.PathOf("src", "Crossdock", "Crossdock.csproj"), "-c", "Release",
            "-p:PublishAot=false", "-p:UseAppHost=false", "--artifacts-path", dir["artifacts"], "-o", dir["any"], "--nologo"], timeout: TimeSpan.FromMinutes(10));
        Directory.CreateDirectory(dir["win"]);
        File.Copy(Fixtures.Path(PackedRelease.FixtureByTarget["x86_64-pc-windows-msvc"]), dir["win/crossdock.exe"]);
        var config = Repository.PathOf("crossdock.toml");
        CrossdockRunner.RunOk(NugetRelease.Epoch, "pack", "--config", config, "--out", dir["dist"], "--target", "x86_64-pc-windows-msvc", dir["win"]);
        CrossdockRunner.RunOk(NugetRelease.Epoch, "assemble", "--config", config, "--out", dir["dist"], "--allow-missing", "--nuget-framework-dependent", dir["any"]);
        using var dotnet = new IsolatedDotnet();

        var install = dotnet.Run(["tool", "install", "--add-source", dir["dist/nuget"], "--tool-path", dotnet.ToolPath, "crossdock", "--version", CrossdockVersion.Current]);

        Assert.True(install.ExitCode == 0, install.Output);
        Assert.True(Directory.Exists(Path.Combine(dotnet.ToolPath, ".store", "crossdock", CrossdockVersion.Current, "crossdock.any")));
        Assert.Equal(CrossdockVersion.Current + "\n", dotnet.RunTool("crossdock", ["--version"]).Stdout);
        Assert.Contains("\"target\": \"x86_64-unknown-linux-gnu\"", dotnet.RunTool("crossdock", ["inspect", "--json", Fixtures.Path("host-gnu")]).Stdout);
    }
}
