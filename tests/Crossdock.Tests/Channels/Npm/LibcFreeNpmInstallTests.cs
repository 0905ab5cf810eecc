using System.Text.Json;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Npm;

/// <summary>
/// A release as Go and Zig projects ship it: one libc-free linux-x64 package (no libc field) beside darwin-*,
/// win32-* and freebsd-x64 packages, packed, assembled, verified (FreeBSD covered by npm alone), published with
/// real npm to a real Verdaccio on 127.0.0.1, installed with real npm on this (glibc) machine and run with npx.
/// </summary>
public sealed class LibcFreeNpmInstallTests
{
    private const string Config = """
        [package]
        name = "my-tool"
        version = "1.2.0"
        bin = "mytool"
        targets = [
          "x86_64-unknown-linux-none", "aarch64-unknown-linux-none",
          "x86_64-apple-darwin", "aarch64-apple-darwin", "x86_64-pc-windows-msvc", "x86_64-unknown-freebsd",
        ]
        """;

    private static readonly (string Target, string Fixture)[] Binaries =
    [
        ("x86_64-unknown-linux-none", "static-nolibc-x86_64"),
        ("aarch64-unknown-linux-none", "static-nolibc-aarch64"),
        ("x86_64-apple-darwin", "macos-x64"),
        ("aarch64-apple-darwin", "macos-arm64"),
        ("x86_64-pc-windows-msvc", "win-x64.exe"),
        ("x86_64-unknown-freebsd", "freebsd-x64"),
    ];

    [Fact]
    public async Task Libc_free_linux_package_installs_on_glibc_and_npx_runs_it()
    {
        using var release = new PackedRelease(Config);
        var pack = CrossdockRunner.RunOk(
        [
            "pack", "--config", release.ConfigPath, "--out", release.Out,
            .. Binaries.SelectMany(b => new[] { "--target", b.Target }), .. Binaries.Select(b => Fixtures.Path(b.Fixture)),
        ]);
        Assert.Equal("note: no wheel for x86_64-unknown-freebsd: PyPI accepts no FreeBSD platform tag; npm ships it\n", pack.Stderr);
        CrossdockRunner.RunOk("assemble", "--config", release.ConfigPath, "--out", release.Out);
        var verify = CrossdockRunner.Run("verify", "--config", release.ConfigPath, release.Out);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);

        using var registry = new Verdaccio();
        var environment = registry.NpmEnvironment(release.Dir);
        NpmClient.PublishRelease(environment, release.Dir.Path, release.NpmDir, Path.Combine(release.NpmDir, "my-tool-1.2.0.tgz"));
        var project = NpmClient.InstallInNewProject(environment, release.Dir["consumer"], "my-tool@1.2.0");

        var installed = Directory.GetDirectories(Path.Combine(project, "node_modules")).Select(Path.GetFileName).Where(n => n!.StartsWith("my-tool", StringComparison.Ordinal));
        Assert.Equal(["my-tool", "my-tool-linux-x64"], installed.Order(StringComparer.Ordinal));
        var npx = ProcessRunner.RunOk(Tools.Require("npx"), ["--no-install", "mytool", "--version"], project, environment);
        Assert.Equal("crossdock-fixture 1.0.0\n", npx.Stdout);
        Assert.Equal("argc=2\n[a b]\n[c]\n", ProcessRunner.RunOk(Path.Combine(project, "node_modules", ".bin", "mytool"), ["a b", "c"], project).Stdout);

        using var http = new HttpClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync(registry.Url + "my-tool-linux-x64", TestContext.Current.CancellationToken));
        var manifest = document.RootElement.GetProperty("versions").GetProperty("1.2.0");
        Assert.Equal("linux", manifest.GetProperty("os")[0].GetString());
        Assert.Equal("x64", manifest.GetProperty("cpu")[0].GetString());
        Assert.False(manifest.TryGetProperty("libc", out _), "a libc-free package declares no libc, so npm installs it on glibc and musl");
    }
}
