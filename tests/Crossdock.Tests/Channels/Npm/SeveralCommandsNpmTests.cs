using Crossdock.Tests.Release;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Npm;

/// <summary>
/// A two-command release published with real <c>npm publish</c> to a real Verdaccio on 127.0.0.1 and installed with
/// real npm: both commands run, through <c>npx</c> and through <c>node_modules/.bin</c>, each as itself.
/// </summary>
public sealed class SeveralCommandsNpmTests : IDisposable
{
    private readonly PackedRelease _release = new(SeveralCommandsTests.Config);

    public void Dispose() => _release.Dispose();

    [Fact]
    public void Both_commands_run_through_npx_and_node_modules_bin()
    {
        using var registry = new Verdaccio();
        var linux = SeveralCommandsTests.BuildOutput(_release.Dir, "linux", "host-gnu");
        var windows = SeveralCommandsTests.BuildOutput(_release.Dir, "windows", "win-x64.exe", ".exe");
        CrossdockRunner.RunOk("pack", "--config", _release.ConfigPath, "--out", _release.Out,
            "--target", "x86_64-unknown-linux-gnu", linux, "--target", "x86_64-pc-windows-msvc", windows);
        CrossdockRunner.RunOk("assemble", "--config", _release.ConfigPath, "--out", _release.Out);
        var environment = registry.NpmEnvironment(_release.Dir);
        NpmClient.PublishRelease(environment, _release.Dir.Path, _release.NpmDir, Path.Combine(_release.NpmDir, "my-tool-2.0.0.tgz"));
        var project = NpmClient.InstallInNewProject(environment, _release.Dir["consumer"], "my-tool@2.0.0");

        var npx = Tools.Require("npx");
        foreach (var command in new[] { "mytool", "mt" })
        {
            Assert.Equal(command + "\n", ProcessRunner.RunOk(npx, ["--no-install", command, "name"], project, environment).Stdout);
            var bin = Path.Combine(project, "node_modules", ".bin", command);
            Assert.Equal(command + "\n", ProcessRunner.RunOk(bin, ["name"], project).Stdout);
            Assert.Equal(5, ProcessRunner.Run(bin, ["exit", "5"], project).ExitCode);
        }
    }
}
