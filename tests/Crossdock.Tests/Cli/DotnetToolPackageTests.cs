using Crossdock.Core;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Cli;

public sealed class DotnetToolPackageTests
{
    [Fact]
    public void Crossdock_packs_as_a_dotnet_tool_that_installs_and_runs_like_the_generated_workflow_installs_it()
    {
        var dotnet = Tools.Require("dotnet");
        using var dir = new TempDir();

        ProcessRunner.RunOk(dotnet, ["pack", Repository.PathOf("src", "Crossdock"), "-c", "Release", "--no-restore", "--nologo", "-o", dir["feed"]]);
        ProcessRunner.RunOk(dotnet, ["tool", "install", "crossdock", "--version", CrossdockVersion.Current, "--add-source", dir["feed"], "--tool-path", dir["tools"]]);
        var version = ProcessRunner.RunOk(Path.Combine(dir["tools"], "crossdock"), ["--version"]);

        Assert.Equal(CrossdockVersion.Current + "\n", version.Stdout);
    }
}
