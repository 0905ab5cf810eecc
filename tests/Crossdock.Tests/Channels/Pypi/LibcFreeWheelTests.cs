using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Pypi;

/// <summary>
/// The one wheel of a program with no libc (x86_64-unknown-linux-none), installed with real pip in a fresh venv:
/// pip takes it for glibc and musl platforms alike, and it installs and runs here. Fixtures: the C CLI linked
/// -static -nostdlib, and the Go CLI built with cgo off (built at test time by tests/fixtures/build.sh).
/// </summary>
public sealed class LibcFreeWheelTests
{
    private const string Config = """
        [package]
        name = "my-tool"
        version = "1.0.0"
        bin = "mytool"
        targets = ["x86_64-unknown-linux-none", "i686-pc-windows-msvc"]
        """;

    private const string LibcFreeWheel = "my_tool-1.0.0-py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.musllinux_1_2_x86_64.whl";

    [Theory]
    [InlineData("manylinux_2_17_x86_64")]
    [InlineData("manylinux2014_x86_64")]
    [InlineData("musllinux_1_2_x86_64")]
    public void Pip_takes_the_libc_free_wheel_on_glibc_and_on_musl(string platform)
    {
        using var release = Packed("static-nolibc-x86_64");
        var venv = Python.CreateVenv(release.Dir["venv"]);

        Assert.Equal(LibcFreeWheel, Python.DryRunInstall(venv, release.PypiDir, platform, release.Dir[$"report-{platform}.json"]));
    }

    [Fact]
    public void Pip_takes_the_32_bit_windows_wheel_for_win32()
    {
        using var release = Packed("static-nolibc-x86_64");
        var venv = Python.CreateVenv(release.Dir["venv"]);

        Assert.Equal("my_tool-1.0.0-py3-none-win32.whl", Python.DryRunInstall(venv, release.PypiDir, "win32", release.Dir["report.json"]));
    }

    [Theory]
    [InlineData("static-nolibc-x86_64")]
    [InlineData("go-linux-x64")]
    public void Libc_free_wheel_installs_here_and_runs(string fixture)
    {
        if (fixture.StartsWith("go-", StringComparison.Ordinal)) Tools.Require("go");
        using var release = Packed(fixture);
        var venv = Python.CreateVenv(release.Dir["venv"]);

        var install = Python.Pip(venv, "install", "--no-index", "--find-links", release.PypiDir, "my-tool");

        Assert.True(install.ExitCode == 0, install.Output);
        Assert.Contains("Successfully installed my-tool-1.0.0", install.Output, StringComparison.Ordinal);
        var command = Python.VenvBin(venv, "mytool");
        Assert.Equal("crossdock-fixture 1.0.0\n", ProcessRunner.RunOk(command, ["--version"]).Stdout);
        Assert.Equal("argc=2\n[a b]\n[c]\n", ProcessRunner.RunOk(command, ["a b", "c"]).Stdout);
    }

    private static PackedRelease Packed(string linuxFixture)
    {
        var release = new PackedRelease(Config);
        try
        {
            CrossdockRunner.RunOk("pack", "--config", release.ConfigPath, "--out", release.Out,
                "--target", "x86_64-unknown-linux-none", Fixtures.Path(linuxFixture),
                "--target", "i686-pc-windows-msvc", Fixtures.Path("win-x86.exe"));
            return release;
        }
        catch
        {
            release.Dispose();
            throw;
        }
    }
}
