using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Npm;

public sealed class AssembleCommandTests : IDisposable
{
    private readonly PackedRelease _release = new();

    public void Dispose() => _release.Dispose();

    private ProcessResult Assemble(params string[] extra) =>
        CrossdockRunner.Run(["assemble", "--config", _release.ConfigPath, "--out", _release.Out, .. extra]);

    private string MainTarball => Path.Combine(_release.NpmDir, "my-tool-1.2.0-beta.1.tgz");

    [Fact]
    public void Main_package_pins_every_platform_package_exactly_and_runs_the_launcher_as_its_bin()
    {
        _release.Pack();

        Assert.Equal(0, Assemble().ExitCode);

        var files = Entries(MainTarball);
        Assert.Equal(["package/package.json", "package/README.md", "package/bin/mytool.js"], files.Keys);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
            files["package/bin/mytool.js"].Mode);
        using var manifest = JsonDocument.Parse(files["package/package.json"].Text);
        var root = manifest.RootElement;
        Assert.Equal("bin/mytool.js", root.GetProperty("bin").GetProperty("mytool").GetString());
        Assert.Equal(">=14", root.GetProperty("engines").GetProperty("node").GetString());
        Assert.Equal(
            PackedRelease.FixtureByTarget.Keys.Select(t => "my-tool-" + Crossdock.Core.Targets.TargetTable.FindByTriple(t)!.NpmSuffix),
            root.GetProperty("optionalDependencies").EnumerateObject().Select(p => p.Name));
        Assert.All(root.GetProperty("optionalDependencies").EnumerateObject(), p => Assert.Equal("1.2.0-beta.1", p.Value.GetString()));
        Assert.StartsWith("#!/usr/bin/env node\n", files["package/bin/mytool.js"].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("__CROSSDOCK_CONFIG__", files["package/bin/mytool.js"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_package_files_match_the_golden_files()
    {
        _release.Pack();
        Assert.Equal(0, Assemble().ExitCode);

        var main = Entries(MainTarball);
        var platform = Entries(Path.Combine(_release.NpmDir, "my-tool-linux-arm64-musl-1.2.0-beta.1.tgz"));

        Golden.Match("npm/main-package.json", main["package/package.json"].Text);
        Golden.Match("npm/main-README.md", main["package/README.md"].Text);
        Golden.Match("npm/launcher.js", main["package/bin/mytool.js"].Text);
        Golden.Match("npm/platform-package.json", platform["package/package.json"].Text);
        Golden.Match("npm/platform-README.md", platform["package/README.md"].Text);
    }

    [Fact]
    public void Missing_configured_target_is_refused_unless_allowed_and_nothing_is_written()
    {
        _release.Pack(["x86_64-unknown-linux-gnu", "x86_64-unknown-linux-musl"]);

        var refused = Assemble();

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("has no platform package for aarch64-unknown-linux-gnu, aarch64-unknown-linux-musl, x86_64-apple-darwin", refused.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(MainTarball));

        var allowed = Assemble("--allow-missing");
        Assert.Equal(0, allowed.ExitCode);
        using var manifest = JsonDocument.Parse(Entries(MainTarball)["package/package.json"].Text);
        Assert.Equal(["my-tool-linux-x64-gnu", "my-tool-linux-x64-musl"], manifest.RootElement.GetProperty("optionalDependencies").EnumerateObject().Select(p => p.Name));
        Assert.Contains("warning: no platform package for", allowed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Tarball_of_another_version_is_refused()
    {
        _release.Pack(["x86_64-unknown-linux-gnu"]);
        CrossdockRunner.RunOk("pack", "--config", _release.ConfigPath, "--out", _release.Out, "--version", "9.9.9", "--target", "x86_64-unknown-linux-musl", Fixtures.Path("musl-static"));

        var result = Assemble("--allow-missing");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("my-tool-linux-x64-musl-9.9.9.tgz: holds version 9.9.9, not the release's 1.2.0-beta.1", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(MainTarball));
    }

    [Fact]
    public void Npm_pack_of_the_unpacked_packages_lists_the_same_files()
    {
        var npm = Tools.Require("npm");
        _release.Pack(["x86_64-unknown-linux-gnu"]);
        Assert.Equal(0, Assemble("--allow-missing").ExitCode);

        foreach (var tarball in Directory.GetFiles(_release.NpmDir, "*.tgz"))
        {
            var unpacked = _release.Dir[Path.GetFileNameWithoutExtension(tarball)];
            Directory.CreateDirectory(unpacked);
            ProcessRunner.RunOk("tar", ["xzf", tarball, "-C", unpacked]);
            var result = ProcessRunner.RunOk(npm, ["pack", "--dry-run", "--json"], Path.Combine(unpacked, "package"),
                new Dictionary<string, string?> { ["npm_config_cache"] = _release.Dir["npm-cache"], ["npm_config_update_notifier"] = "false" });
            using var report = JsonDocument.Parse(result.Stdout);
            var listed = report.RootElement[0].GetProperty("files").EnumerateArray().Select(f => "package/" + f.GetProperty("path").GetString()).Order(StringComparer.Ordinal);
            Assert.Equal(Entries(tarball).Keys.Order(StringComparer.Ordinal), listed);
        }
    }

    [Fact]
    public void Same_inputs_give_a_byte_identical_main_package()
    {
        _release.Pack(["x86_64-unknown-linux-gnu"]);
        Assert.Equal(0, Assemble("--allow-missing").ExitCode);
        var first = File.ReadAllBytes(MainTarball);

        Assert.Equal(0, Assemble("--allow-missing").ExitCode);

        Assert.Equal(first, File.ReadAllBytes(MainTarball));
    }

    /// <summary>The tarball's entries, read with System.Formats.Tar (an independent reader), in archive order.</summary>
    private static Dictionary<string, (UnixFileMode Mode, string Text)> Entries(string tarball)
    {
        var entries = new Dictionary<string, (UnixFileMode, string)>();
        using var file = File.OpenRead(tarball);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            using var buffer = new MemoryStream();
            entry.DataStream?.CopyTo(buffer);
            entries[entry.Name] = (entry.Mode, entry.Name.EndsWith("/mytool", StringComparison.Ordinal) ? "" : System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        return entries;
    }
}
