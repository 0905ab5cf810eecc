using Crossdock.Core.Targets;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.GitHub;

/// <summary>
/// The installers run for real: the sh one under dash and under busybox sh (with only busybox's applets on PATH, its
/// wget included), the PowerShell one under pwsh, each downloading from a loopback server that serves dist/github.
/// </summary>
public sealed class InstallerTests
{
    private const string LinuxGnu = "x86_64-unknown-linux-gnu";
    private const string LinuxMusl = "x86_64-unknown-linux-musl";

    public static TheoryData<string> Shells => ["dash", "busybox"];

    /// <summary>A folder of links to busybox, one per applet the installer may use: a PATH with nothing else on it.</summary>
    private static readonly Lazy<string> BusyboxApplets = new(() =>
    {
        var busybox = Tools.Require("busybox");
        var applets = Directory.CreateTempSubdirectory("crossdock-busybox-").FullName;
        foreach (var applet in new[] { "sh", "uname", "head", "tr", "grep", "sed", "cut", "mktemp", "mkdir", "chmod", "cp", "mv", "rm", "tar", "gzip", "unzip", "wget", "sha256sum", "cat", "getconf", "printf", "echo" })
        {
            File.CreateSymbolicLink(Path.Combine(applets, applet), busybox);
        }
        return applets;
    });

    /// <summary>Runs the sh installer with <paramref name="shell"/>; busybox gets a PATH of its own applets only.</summary>
    private static ProcessResult RunShell(string shell, string installer, string installDir, string downloadUrl, params (string, string)[] extra)
    {
        var environment = new Dictionary<string, string?>
        {
            ["MYTOOL_INSTALL_DIR"] = installDir,
            ["MYTOOL_DOWNLOAD_URL"] = downloadUrl,
            ["HOME"] = Path.GetDirectoryName(installDir),
        };
        foreach (var (key, value) in extra) environment[key] = value;
        if (shell == "busybox")
        {
            var applets = BusyboxApplets.Value;
            environment["PATH"] = applets;
            return ProcessRunner.Run(Path.Combine(applets, "sh"), [installer], environment: environment);
        }
        return ProcessRunner.Run(Tools.Require("dash"), [installer], environment: environment);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Sh_installer_installs_the_glibc_build_here_and_the_command_runs(string shell)
    {
        using var release = new GithubRelease();
        using var server = new StaticFileServer(release.Folder);
        using var home = new TempDir();

        var result = RunShell(shell, release.ShellInstaller, home["bin"], server.Url);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"installed my-tool 1.2.0-beta.1 ({LinuxGnu}) into {home["bin"]}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"export PATH=\"{home["bin"]}:$PATH\"", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("crossdock-fixture 1.0.0\n", ProcessRunner.RunOk(home["bin/mytool"], ["--version"]).Stdout);
        Assert.Equal(["bin/mytool"], home.Files());
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void An_archive_changed_by_one_byte_fails_the_install_with_nothing_installed(string shell)
    {
        using var release = new GithubRelease();
        var archive = release.File($"my-tool-{LinuxGnu}.tar.gz");
        var bytes = File.ReadAllBytes(archive);
        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(archive, bytes);
        using var server = new StaticFileServer(release.Folder);
        using var home = new TempDir();

        var result = RunShell(shell, release.ShellInstaller, home["bin"], server.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"my-tool-installer: error: my-tool-{LinuxGnu}.tar.gz does not have the sha256 this installer expects", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was installed", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(home.Files());
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_machine_with_no_build_gets_the_list_of_supported_targets(string shell)
    {
        var macos = TargetTable.All.Where(t => t.Os == OperatingSystemFamily.Macos).Select(t => t.Triple).ToList();
        using var release = new GithubRelease(Config(macos), macos);
        using var server = new StaticFileServer(release.Folder);
        using var home = new TempDir();

        var result = RunShell(shell, release.ShellInstaller, home["bin"], server.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"my-tool-installer: error: my-tool 1.2.0-beta.1 has no build for this machine (linux x86_64, gnu); it is built for:\n"
            + string.Concat(macos.Select(t => $"  {t} (macos {TargetTable.FindByTriple(t)!.Arch.Name})\n")),
            result.Stderr);
        Assert.Equal(0, server.Requests);
        Assert.Empty(home.Files());
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_glibc_machine_without_a_glibc_build_gets_the_static_musl_one(string shell)
    {
        using var release = new GithubRelease(Config([LinuxMusl]), [LinuxMusl]);
        using var server = new StaticFileServer(release.Folder);
        using var home = new TempDir();

        var result = RunShell(shell, release.ShellInstaller, home["bin"], server.Url);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"({LinuxMusl})", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("crossdock-fixture 1.0.0\n", ProcessRunner.RunOk(home["bin/mytool"], ["--version"]).Stdout);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Musl_can_be_asked_for_instead_of_detected(string shell)
    {
        using var release = new GithubRelease();
        using var server = new StaticFileServer(release.Folder);
        using var home = new TempDir();

        var result = RunShell(shell, release.ShellInstaller, home["bin"], server.Url, ("MYTOOL_LIBC", "musl"));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"({LinuxMusl})", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dash", "http://example.com/releases")]
    [InlineData("dash", "http://127.0.0.1.example.com")]
    [InlineData("busybox", "http://10.0.0.1:8080")]
    public void Plain_http_to_a_host_that_is_not_this_machine_is_refused(string shell, string url)
    {
        using var release = new GithubRelease();
        using var home = new TempDir();

        var result = RunShell(shell, release.ShellInstaller, home["bin"], url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("my-tool-installer: error: refusing to download over plain http from", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(home.Files());
    }

    [Fact]
    public void Shellcheck_finds_nothing_in_the_sh_installer()
    {
        using var release = new GithubRelease();

        var result = ProcessRunner.Run(Tools.Require("shellcheck"), ["--shell=dash", "--severity=style", release.ShellInstaller]);

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public void PowerShell_installer_installs_the_windows_build_and_refuses_a_changed_archive()
    {
        var pwsh = Crossdock.Tests.Support.Shells.Pwsh;
        using var release = new GithubRelease();
        using var server = new StaticFileServer(release.Folder);
        using var home = new TempDir();
        ProcessResult Install(string dir) => ProcessRunner.Run(pwsh, ["-NoProfile", "-NonInteractive", "-File", release.PowerShellInstaller], environment: new Dictionary<string, string?>
        {
            ["MYTOOL_INSTALL_DIR"] = home[dir],
            ["MYTOOL_DOWNLOAD_URL"] = server.Url,
            // This machine is Linux: the test says which platform the installer should install for.
            ["MYTOOL_INSTALLER_PLATFORM"] = "windows-x86_64",
        });

        var installed = Install("good");

        Assert.True(installed.ExitCode == 0, installed.Output);
        Assert.Contains("installed my-tool 1.2.0-beta.1 (x86_64-pc-windows-msvc)", installed.Stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Fixtures.Path("win-x64.exe")), File.ReadAllBytes(home["good/mytool.exe"]));

        var archive = release.File("my-tool-x86_64-pc-windows-msvc.zip");
        var bytes = File.ReadAllBytes(archive);
        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(archive, bytes);
        var refused = Install("bad");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("my-tool-installer: error: my-tool-x86_64-pc-windows-msvc.zip does not have the sha256 this installer expects", refused.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(home["bad"]));
    }

    [Fact]
    public void The_sh_installer_detects_every_os_and_cpu_of_the_target_table()
    {
        var template = Crossdock.Core.Text.EmbeddedText.Read("installer.sh");

        foreach (var arch in TargetTable.All.Select(t => t.Arch.Name).Distinct()) Assert.Contains($") echo {arch} ;;", template, StringComparison.Ordinal);
        foreach (var os in TargetTable.All.Select(t => t.Os.Name).Distinct()) Assert.Contains($") echo {os} ;;", template, StringComparison.Ordinal);
    }

    private static string Config(IEnumerable<string> targets) =>
        PackedRelease.DefaultConfig[..PackedRelease.DefaultConfig.IndexOf("targets = [", StringComparison.Ordinal)]
        + $"targets = [{string.Join(", ", targets.Select(t => $"\"{t}\""))}]\n";
}
