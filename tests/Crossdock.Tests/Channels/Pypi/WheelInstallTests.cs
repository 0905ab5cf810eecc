using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Pypi;

/// <summary>Wheels made by <c>crossdock pack</c>, installed and run with real pip in a fresh venv.</summary>
public sealed class WheelInstallTests(AllTargetsRelease allTargets) : IClassFixture<AllTargetsRelease>
{
    [Fact]
    public void Host_wheel_installs_with_pip_runs_from_the_venv_and_uninstalls()
    {
        using var release = new PackedRelease();
        release.Pack(["x86_64-unknown-linux-gnu"]);
        var venv = Python.CreateVenv(release.Dir["venv"]);
        var wheel = release.Wheel("x86_64");

        var install = Python.Pip(venv, "install", "--no-index", wheel);
        Assert.True(install.ExitCode == 0, install.Output);

        var command = Python.VenvBin(venv, "mytool");
        Assert.Equal("crossdock-fixture 1.0.0\n", ProcessRunner.RunOk(command, ["--version"]).Stdout);
        Assert.Equal("argc=2\n[a b]\n[c\"d]\n", ProcessRunner.RunOk(command, ["a b", "c\"d"]).Stdout);
        Assert.Equal(3, ProcessRunner.Run(command, ["exit", "3"]).ExitCode);
        Assert.Equal("piped\n", ProcessRunner.RunOk(command, ["cat"], stdin: "piped\n").Stdout);

        var uninstall = Python.Pip(venv, "uninstall", "-y", "my-tool");
        Assert.True(uninstall.ExitCode == 0, uninstall.Output);
        Assert.False(File.Exists(command));
    }

    [Fact]
    public void Python_dash_m_runs_the_installed_command_with_arguments_and_exit_code()
    {
        using var release = new PackedRelease();
        release.Pack(["x86_64-unknown-linux-musl"]);
        var venv = Python.CreateVenv(release.Dir["venv"]);
        // The musl wheel is static, so it runs here too; pip must be told to accept its tag.
        var install = Python.Pip(venv, "install", "--no-index", "--no-deps", "--only-binary=:all:", "--platform", "musllinux_1_2_x86_64",
            "--target", release.Dir["site"], release.Wheel("musllinux"));
        Assert.True(install.ExitCode == 0, install.Output);

        var python = Python.VenvBin(venv, "python");
        var environment = new Dictionary<string, string?> { ["PYTHONPATH"] = release.Dir["site"] };
        var run = ProcessRunner.Run(python, ["-m", "my_tool", "x y", "z"], environment: environment);
        Assert.Equal("argc=2\n[x y]\n[z]\n", run.Stdout);
        Assert.Equal(4, ProcessRunner.Run(python, ["-m", "my_tool", "exit", "4"], environment: environment).ExitCode);
    }

    [Theory]
    [InlineData("x86_64-unknown-linux-gnu", "manylinux_2_34_x86_64")]
    [InlineData("x86_64-unknown-linux-musl", "musllinux_1_2_x86_64")]
    [InlineData("aarch64-unknown-linux-gnu", "manylinux_2_17_aarch64")]
    [InlineData("aarch64-unknown-linux-gnu", "manylinux2014_aarch64")]
    [InlineData("aarch64-unknown-linux-musl", "musllinux_1_2_aarch64")]
    [InlineData("x86_64-apple-darwin", "macosx_10_12_x86_64")]
    [InlineData("aarch64-apple-darwin", "macosx_11_0_arm64")]
    [InlineData("x86_64-pc-windows-msvc", "win_amd64")]
    [InlineData("aarch64-pc-windows-msvc", "win_arm64")]
    public void Pip_picks_each_targets_wheel_for_that_platform(string target, string pipPlatform)
    {
        var release = allTargets.Release;
        using var scratch = new TempDir();
        var expected = Path.GetFileName(release.Dir.Files().Single(f => f.StartsWith("dist/pypi/", StringComparison.Ordinal) && WheelFor(f, target)));

        var chosen = Python.DryRunInstall(allTargets.Venv, release.PypiDir, pipPlatform, scratch["report.json"]);

        Assert.Equal(expected, chosen);
    }

    [Fact]
    public void Wheel_needing_glibc_2_30_is_refused_for_an_older_glibc_platform_and_accepted_for_its_own()
    {
        using var release = new PackedRelease("""
            [package]
            name = "my-tool"
            version = "1.0.0"
            targets = ["x86_64-unknown-linux-gnu"]
            """);
        CrossdockRunner.RunOk("pack", "--config", release.ConfigPath, "--out", release.Out, Fixtures.Path("gnu-2.30-x86_64"));
        var venv = Python.CreateVenv(release.Dir["venv"]);

        Assert.Equal("my_tool-1.0.0-py3-none-manylinux_2_30_x86_64.whl", Python.DryRunInstall(venv, release.PypiDir, "manylinux_2_30_x86_64", release.Dir["r1.json"]));
        var refused = Python.Pip(venv, "install", "--dry-run", "--no-index", "--find-links", release.PypiDir, "--only-binary=:all:",
            "--no-deps", "--platform", "manylinux_2_28_x86_64", "--target", release.Dir["t"], "my-tool");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("No matching distribution found for my-tool", refused.Output, StringComparison.Ordinal);
    }

    private static bool WheelFor(string file, string target) => target switch
    {
        "x86_64-unknown-linux-gnu" => file.Contains("manylinux_2_34_x86_64", StringComparison.Ordinal),
        "x86_64-unknown-linux-musl" => file.Contains("musllinux_1_2_x86_64", StringComparison.Ordinal),
        "aarch64-unknown-linux-gnu" => file.Contains("manylinux_2_17_aarch64", StringComparison.Ordinal),
        "aarch64-unknown-linux-musl" => file.Contains("musllinux_1_2_aarch64", StringComparison.Ordinal),
        "x86_64-apple-darwin" => file.Contains("macosx_10_12_x86_64", StringComparison.Ordinal),
        "aarch64-apple-darwin" => file.Contains("macosx_11_0_arm64", StringComparison.Ordinal),
        "x86_64-pc-windows-msvc" => file.Contains("win_amd64", StringComparison.Ordinal),
        _ => file.Contains("win_arm64", StringComparison.Ordinal),
    };
}
