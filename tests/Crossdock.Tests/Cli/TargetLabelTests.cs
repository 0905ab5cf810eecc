using System.Text.Json;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Cli;

/// <summary>
/// <c>crossdock pack</c> with the new targets (libc-free Linux, FreeBSD, 32-bit Windows) and with labels that
/// contradict the binary, on real fixtures built at test time (C, Go with cgo off, lld's FreeBSD and x86 PE links).
/// </summary>
public sealed class TargetLabelTests
{
    private const string Config = """
        [package]
        name = "my-tool"
        version = "1.0.0"
        bin = "mytool"
        targets = [
          "x86_64-unknown-linux-gnu", "x86_64-unknown-linux-musl", "x86_64-unknown-linux-none",
          "aarch64-unknown-linux-none", "x86_64-pc-windows-msvc", "i686-pc-windows-msvc",
          "x86_64-unknown-freebsd", "aarch64-unknown-freebsd",
        ]
        """;

    [Theory]
    [InlineData("musl-static", "x86_64-unknown-linux-gnu", "is an x86_64 Linux program (musl, statically linked), not x86_64-unknown-linux-gnu")]
    [InlineData("gnu-static", "x86_64-unknown-linux-musl", "is an x86_64 Linux program (glibc, statically linked), not x86_64-unknown-linux-musl")]
    [InlineData("host-gnu", "x86_64-unknown-linux-none", "is an x86_64 Linux program (glibc 2.34, dynamically linked), not x86_64-unknown-linux-none")]
    [InlineData("gnu-static", "x86_64-unknown-linux-none", "is an x86_64 Linux program (glibc, statically linked), not x86_64-unknown-linux-none")]
    [InlineData("musl-dynamic", "x86_64-unknown-linux-none", "is an x86_64 Linux program (musl, dynamically linked), not x86_64-unknown-linux-none")]
    [InlineData("musl-static", "x86_64-unknown-linux-none", "is an x86_64 Linux program (musl, statically linked), not x86_64-unknown-linux-none")]
    [InlineData("freebsd-x64", "x86_64-unknown-linux-gnu", "is an x86_64 FreeBSD program, not x86_64-unknown-linux-gnu")]
    [InlineData("go-freebsd-x64", "x86_64-unknown-linux-none", "is an x86_64 FreeBSD program, not x86_64-unknown-linux-none")]
    [InlineData("static-nolibc-x86_64", "x86_64-unknown-freebsd", "is an x86_64 Linux program (no libc, statically linked), not x86_64-unknown-freebsd")]
    [InlineData("freebsd-arm64", "aarch64-unknown-linux-none", "is an aarch64 FreeBSD program, not aarch64-unknown-linux-none")]
    [InlineData("win-x86.exe", "x86_64-pc-windows-msvc", "is an i686 Windows program, not x86_64-pc-windows-msvc")]
    [InlineData("win-x64.exe", "i686-pc-windows-msvc", "is an x86_64 Windows program, not i686-pc-windows-msvc")]
    public void Label_that_contradicts_the_binary_is_refused_in_one_line_and_nothing_is_written(string fixture, string target, string message)
    {
        if (fixture.StartsWith("go-", StringComparison.Ordinal)) Tools.Require("go");
        using var release = new PackedRelease(Config);
        var binary = Fixtures.Path(fixture);

        var result = CrossdockRunner.Run("pack", "--config", release.ConfigPath, "--out", release.Out, "--target", target, binary);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"crossdock: {binary}: {message}; refusing to label it {target}\n", result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.False(Directory.Exists(release.Out), "nothing may be written for a refused label");
    }

    [Theory]
    [InlineData("x86_64-unknown-linux-gnu", "manylinux2014_x86_64.manylinux_2_17_x86_64", "linux-x64-gnu", "linux-x64")]
    [InlineData("x86_64-unknown-linux-musl", "musllinux_1_2_x86_64", "linux-x64-musl", "linux-musl-x64")]
    public void Libc_free_binary_labelled_gnu_or_musl_is_packed_with_a_note_that_one_package_would_serve_both(string target, string tag, string suffix, string rid)
    {
        using var release = new PackedRelease(Config);
        var binary = Fixtures.Path("static-nolibc-x86_64");

        var result = CrossdockRunner.RunOk("pack", "--config", release.ConfigPath, "--out", release.Out, "--target", target, binary);

        Assert.Equal(
            $"warning: {binary}: needs no libc, so it runs on glibc and musl alike: one x86_64-unknown-linux-none package would serve both "
            + "(list it in [package] targets instead of the x86_64 glibc and musl targets)\n",
            result.Stderr);
        Assert.Equal([$"dist/github/my-tool-{target}.tar.gz", $"dist/npm/my-tool-{suffix}-1.0.0.tgz", $"dist/nuget/my-tool.{rid}.1.0.0.nupkg", $"dist/pypi/my_tool-1.0.0-py3-none-{tag}.whl"],
            release.Dir.Files().Where(f => f.StartsWith("dist/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Libc_free_binary_is_detected_as_the_libc_free_target_and_gets_one_package_for_both_libcs()
    {
        using var release = new PackedRelease(Config);

        var result = CrossdockRunner.RunOk("pack", "--config", release.ConfigPath, "--out", release.Out, "--json", Fixtures.Path("static-nolibc-x86_64"));

        using var json = JsonDocument.Parse(result.Stdout);
        var platform = json.RootElement[0];
        Assert.Equal("x86_64-unknown-linux-none", platform.GetProperty("target").GetString());
        Assert.Equal("py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.musllinux_1_2_x86_64", platform.GetProperty("wheel").GetProperty("tag").GetString());
        Assert.Equal("my-tool-linux-x64", platform.GetProperty("npm").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, platform.GetProperty("npm").GetProperty("libc").ValueKind);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Undetectable_libc_choice_is_refused_naming_the_libc_free_target_and_nothing_is_written()
    {
        using var release = new PackedRelease("""
            [package]
            name = "my-tool"
            version = "1.0.0"
            targets = ["x86_64-unknown-linux-gnu", "x86_64-unknown-linux-musl"]
            """);
        var binary = Fixtures.Path("static-nolibc-x86_64");

        var result = CrossdockRunner.Run("pack", "--config", release.ConfigPath, "--out", release.Out, binary);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"crossdock: {binary}: is an x86_64 Linux program (no libc, statically linked), which could be any of "
            + "x86_64-unknown-linux-gnu, x86_64-unknown-linux-musl; pass --target (or list x86_64-unknown-linux-none in [package] targets: "
            + "one package of it serves them all)\n", result.Stderr);
        Assert.False(Directory.Exists(release.Out));
    }

    [Fact]
    public void FreeBSD_binaries_get_npm_packages_and_archives_but_no_wheel_and_pack_says_so_once()
    {
        using var release = new PackedRelease(Config);

        var result = CrossdockRunner.RunOk("pack", "--config", release.ConfigPath, "--out", release.Out, "--json",
            "--target", "x86_64-unknown-freebsd", Fixtures.Path("freebsd-x64"), "--target", "aarch64-unknown-freebsd", Fixtures.Path("freebsd-arm64"));

        Assert.Equal("note: no wheel for x86_64-unknown-freebsd, aarch64-unknown-freebsd: PyPI accepts no FreeBSD platform tag; npm ships them\n", result.Stderr);
        // The GitHub Release carries them too: an archive is only a .tar.gz of the commands.
        Assert.Equal(["dist/github/my-tool-aarch64-unknown-freebsd.tar.gz", "dist/github/my-tool-x86_64-unknown-freebsd.tar.gz",
            "dist/npm/my-tool-freebsd-arm64-1.0.0.tgz", "dist/npm/my-tool-freebsd-x64-1.0.0.tgz",
            "dist/nuget/my-tool.freebsd-arm64.1.0.0.nupkg", "dist/nuget/my-tool.freebsd-x64.1.0.0.nupkg"],
            release.Dir.Files().Where(f => f.StartsWith("dist/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.All(json.RootElement.EnumerateArray(), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("wheel").ValueKind));
        Assert.Equal(["freebsd", "freebsd"], json.RootElement.EnumerateArray().Select(p => p.GetProperty("npm").GetProperty("os").GetString()));
    }

    [Fact]
    public void Thirty_two_bit_windows_binary_gets_a_win32_wheel_and_a_win32_ia32_package()
    {
        using var release = new PackedRelease(Config);

        var result = CrossdockRunner.RunOk("pack", "--config", release.ConfigPath, "--out", release.Out, "--json", Fixtures.Path("win-x86.exe"));

        using var json = JsonDocument.Parse(result.Stdout);
        var platform = json.RootElement[0];
        Assert.Equal("i686-pc-windows-msvc", platform.GetProperty("target").GetString());
        Assert.Equal("py3-none-win32", platform.GetProperty("wheel").GetProperty("tag").GetString());
        Assert.Equal(["my_tool-1.0.0.data/scripts/mytool.exe"], platform.GetProperty("wheel").GetProperty("scripts").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("win32", platform.GetProperty("npm").GetProperty("os").GetString());
        Assert.Equal("ia32", platform.GetProperty("npm").GetProperty("cpu").GetString());
        Assert.Equal("my-tool-win32-ia32", platform.GetProperty("npm").GetProperty("name").GetString());
    }
}
