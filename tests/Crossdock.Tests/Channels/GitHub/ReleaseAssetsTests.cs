using System.Text.RegularExpressions;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.GitHub;

/// <summary>The archives, checksum file, manifest and formula, read back by the system's tar, unzip, sha256sum and ruby.</summary>
public sealed partial class ReleaseAssetsTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Archives_unpack_with_system_tar_and_unzip_to_the_commands_with_mode_0755_and_are_the_same_bytes_on_a_second_run()
    {
        using var release = new GithubRelease();
        using var unpacked = new TempDir();
        var archives = Directory.GetFiles(release.Folder).Where(f => f.EndsWith(".tar.gz", StringComparison.Ordinal) || f.EndsWith(".zip", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(PackedRelease.FixtureByTarget.Count, archives.Count);

        foreach (var archive in archives)
        {
            var folder = unpacked[Path.GetFileName(archive)];
            Directory.CreateDirectory(folder);
            if (archive.EndsWith(".zip", StringComparison.Ordinal)) ProcessRunner.RunOk(Tools.Require("unzip"), ["-q", archive, "-d", folder]);
            else ProcessRunner.RunOk(Tools.Require("tar"), ["-xzf", archive, "-C", folder]);
            var executable = archive.EndsWith(".zip", StringComparison.Ordinal) ? "mytool.exe" : "mytool";
            Assert.Equal(new[] { executable, "LICENSE", "README.md" }.Order(StringComparer.Ordinal), Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
                File.GetUnixFileMode(Path.Combine(folder, executable)));
        }
        var target = Path.GetFileName(archives.Single(a => a.Contains("x86_64-unknown-linux-gnu", StringComparison.Ordinal)));
        Assert.Equal(File.ReadAllBytes(Fixtures.Path("host-gnu")), File.ReadAllBytes(Path.Combine(unpacked[target], "mytool")));

        var first = archives.ToDictionary(a => Path.GetFileName(a), File.ReadAllBytes);
        Directory.Delete(release.Release.Out, recursive: true);
        release.Release.Pack(environment: GithubRelease.Epoch, extra: ["--jobs", "1"]);
        Assert.All(first, pair => Assert.Equal(pair.Value, File.ReadAllBytes(release.File(pair.Key))));
    }

    [Fact]
    public void Archives_can_be_turned_off()
    {
        using var release = new PackedRelease(PackedRelease.DefaultConfig + "\n[github]\narchives = false\n");

        release.Pack(["x86_64-unknown-linux-gnu"]);
        CrossdockRunner.RunOk("assemble", "--config", release.ConfigPath, "--out", release.Out, "--allow-missing");

        Assert.False(Directory.Exists(Path.Combine(release.Out, "github")));
    }

    [Fact]
    public void Checksum_file_passes_sha256sum_c_and_lists_every_archive_wheel_npm_tarball_and_installer()
    {
        using var release = new GithubRelease();
        var sums = File.ReadAllText(release.File("sha256.sum"));

        var verified = new[] { "github", "pypi", "npm" }.Sum(folder =>
            ProcessRunner.RunOk(Tools.Require("sha256sum"), ["-c", "--ignore-missing", "--strict", release.File("sha256.sum")], workingDirectory: Path.Combine(release.Release.Out, folder))
                .Stdout.Split('\n').Count(l => l.EndsWith(": OK", StringComparison.Ordinal)));

        var lines = sums.TrimEnd('\n').Split('\n');
        Assert.Equal(lines.Length, verified);
        Assert.Equal(8 + 8 + 9 + 3, lines.Length); // archives, wheels, npm packages, the two installers and the formula
        Assert.Equal(lines.Select(l => l[66..]).Order(StringComparer.Ordinal), lines.Select(l => l[66..]));
        Assert.All(lines, line => Assert.Matches("^[0-9a-f]{64}  [A-Za-z0-9._-]+$", line));
    }

    [Fact]
    public void Ruby_accepts_the_formula_and_its_urls_and_sha256s_are_the_archives()
    {
        using var release = new GithubRelease();

        var syntax = ProcessRunner.RunOk(Tools.Require("ruby"), ["-c", release.Formula]);
        Assert.Equal("Syntax OK\n", syntax.Stdout);

        var text = File.ReadAllText(release.Formula);
        var pairs = UrlAndSha256().Matches(text).Select(m => (Url: m.Groups[1].Value, Sha256: m.Groups[2].Value)).ToList();
        Assert.Equal(4, pairs.Count); // macOS arm64 and x86_64, Linux arm64 and x86_64
        foreach (var (url, sha256) in pairs)
        {
            Assert.StartsWith("https://github.com/example/my-tool/releases/download/v1.2.0-beta.1/", url, StringComparison.Ordinal);
            var archive = release.File(url[(url.LastIndexOf('/') + 1)..]);
            Assert.Equal(sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(archive))));
        }
        Assert.Contains("class MyTool < Formula", text, StringComparison.Ordinal);
        Assert.Contains("    bin.install \"mytool\"\n", text, StringComparison.Ordinal);
        Assert.Contains("system bin/\"mytool\", \"--version\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_texts_match_the_golden_files()
    {
        using var release = new GithubRelease();
        string Scrubbed(string path) => Sha256().Replace(File.ReadAllText(path), "<sha256>");

        Golden.Match("github/my-tool-installer.sh", Scrubbed(release.ShellInstaller));
        Golden.Match("github/my-tool-installer.ps1", Scrubbed(release.PowerShellInstaller));
        Golden.Match("github/my-tool.rb", Scrubbed(release.Formula));
        Golden.Match("github/dist-manifest.json", Regex.Replace(Scrubbed(release.File("dist-manifest.json")), "\"size\": [0-9]+", "\"size\": <size>"));
    }

    [Fact]
    public void Verify_passes_a_fresh_release_and_reports_an_installer_whose_sha256_is_not_the_archives()
    {
        using var release = new GithubRelease();
        string[] Verify() => [.. CrossdockRunner.Run("verify", "--config", release.Release.ConfigPath, "--only", "github", release.Release.Out).Stdout.TrimEnd('\n').Split('\n')];

        Assert.Equal([$"verified 0 wheels, 0 npm packages, 8 GitHub archives and 0 NuGet packages of version 1.2.0b1 in {release.Release.Out}: no problems"], Verify());

        var archive = "my-tool-aarch64-apple-darwin.tar.gz";
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(release.File(archive))));
        File.WriteAllText(release.ShellInstaller, File.ReadAllText(release.ShellInstaller).Replace(sha256, new string('0', 64), StringComparison.Ordinal));

        // The installer no longer matches its own line in sha256.sum either: both are reported.
        Assert.Contains($"{release.ShellInstaller}: installers: sha256 of {archive} is {new string('0', 64)}, the file's is {sha256}", Verify());
        Assert.Contains(Verify(), line => line.StartsWith($"{release.File("sha256.sum")}: checksums: sha256 of my-tool-installer.sh is ", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_reports_an_archive_without_a_command()
    {
        using var release = new GithubRelease();
        var archive = release.File("my-tool-x86_64-pc-windows-msvc.zip");
        using (var zip = System.IO.Compression.ZipFile.Open(archive, System.IO.Compression.ZipArchiveMode.Update)) zip.GetEntry("mytool.exe")!.Delete();

        var result = CrossdockRunner.Run("verify", "--config", release.Release.ConfigPath, "--only", "github", release.Release.Out);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{archive}: binary: mytool.exe is missing\n", result.Stdout, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"url ""([^""]+)""\s+sha256 ""([0-9a-f]{64})""")]
    private static partial Regex UrlAndSha256();

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex Sha256();
}
