using System.Formats.Tar;
using System.IO.Compression;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Release;

/// <summary>
/// A release with two commands, one of them built under another name (<c>{ name = "mytool", file = "mytool-cli" }</c>):
/// pack takes the folder the build left or the executables themselves, and every package carries both commands.
/// </summary>
public sealed class SeveralCommandsTests : IDisposable
{
    public const string Config = """
        [package]
        name = "my-tool"
        version = "2.0.0"
        bin = [{ name = "mytool", file = "mytool-cli" }, "mt"]
        targets = ["x86_64-unknown-linux-gnu", "x86_64-pc-windows-msvc"]
        """;

    private readonly PackedRelease _release = new(Config);

    public void Dispose() => _release.Dispose();

    /// <summary>A folder like cargo's target/T/release/: each command's file, built from the fixture.</summary>
    public static string BuildOutput(TempDir dir, string name, string fixture, string suffix = "", params string[] files)
    {
        var folder = dir[name];
        Directory.CreateDirectory(folder);
        foreach (var file in files.Length > 0 ? files : ["mytool-cli", "mt"]) File.Copy(Fixtures.Path(fixture), Path.Combine(folder, file + suffix));
        File.WriteAllText(Path.Combine(folder, "build.log"), "not a command\n");
        return folder;
    }

    private ProcessResult Pack(params string[] args) =>
        CrossdockRunner.Run(["pack", "--config", _release.ConfigPath, "--out", _release.Out, .. args]);

    [Fact]
    public void The_build_folder_gives_every_command_and_packages_carry_the_command_names()
    {
        var linux = BuildOutput(_release.Dir, "linux", "host-gnu");
        var windows = BuildOutput(_release.Dir, "windows", "win-x64.exe", ".exe");

        var result = Pack("--target", "x86_64-unknown-linux-gnu", linux, "--target", "x86_64-pc-windows-msvc", windows);

        Assert.True(result.ExitCode == 0, result.Stderr);
        using (var wheel = ZipFile.OpenRead(_release.Wheel("manylinux")))
        {
            Assert.Equal(["my_tool-2.0.0.data/scripts/mt", "my_tool-2.0.0.data/scripts/mytool"],
                wheel.Entries.Select(e => e.FullName).Where(n => n.Contains("/scripts/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        }
        using (var wheel = ZipFile.OpenRead(_release.Wheel("win_amd64")))
        {
            Assert.Contains("my_tool-2.0.0.data/scripts/mt.exe", wheel.Entries.Select(e => e.FullName));
        }
        Assert.Equal(["package/package.json", "package/README.md", "package/bin/mytool", "package/bin/mt"],
            TarballEntries(Path.Combine(_release.NpmDir, "my-tool-linux-x64-gnu-2.0.0.tgz")));
        // The GitHub archives too: mytool-cli is packed as mytool.
        var github = Path.Combine(_release.Out, "github");
        Assert.Equal(["mt", "mytool"], TarballEntries(Directory.GetFiles(github, "*x86_64-unknown-linux-gnu.tar.gz").Single())
            .Select(Path.GetFileName).Where(n => n is "mt" or "mytool" or "mytool-cli").Order(StringComparer.Ordinal));
        using var zip = ZipFile.OpenRead(Directory.GetFiles(github, "*x86_64-pc-windows-msvc.zip").Single());
        Assert.Equal(["mt.exe", "mytool.exe"], zip.Entries.Select(e => e.Name).Where(n => n.StartsWith("m", StringComparison.Ordinal) && n.EndsWith(".exe", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void One_target_takes_its_executables_by_their_file_names()
    {
        var linux = BuildOutput(_release.Dir, "linux", "host-gnu");

        var result = Pack("--target", "x86_64-unknown-linux-gnu", Path.Combine(linux, "mt"), Path.Combine(linux, "mytool-cli"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(["package/package.json", "package/README.md", "package/bin/mytool", "package/bin/mt"],
            TarballEntries(Path.Combine(_release.NpmDir, "my-tool-linux-x64-gnu-2.0.0.tgz")));
    }

    [Fact]
    public void A_command_missing_from_the_build_folder_is_one_line_naming_what_the_folder_holds()
    {
        var linux = BuildOutput(_release.Dir, "linux", "host-gnu", "", "mytool");

        var result = Pack("--target", "x86_64-unknown-linux-gnu", linux);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"crossdock: {linux}: has no mytool-cli for command 'mytool'; it holds: build.log, mytool\n", result.Stderr);
        Assert.False(Directory.Exists(_release.Out));
    }

    [Fact]
    public void A_file_that_is_no_commands_file_is_refused()
    {
        var linux = BuildOutput(_release.Dir, "linux", "host-gnu");

        var result = Pack("--target", "x86_64-unknown-linux-gnu", Path.Combine(linux, "mt"), Path.Combine(linux, "build.log"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"crossdock: {Path.Combine(linux, "build.log")}: is none of the commands' files (mytool-cli, mt, .exe on Windows)", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_release.Out));
    }

    [Fact]
    public void Every_command_is_needed_for_every_target()
    {
        var linux = BuildOutput(_release.Dir, "linux", "host-gnu");

        var result = Pack("--target", "x86_64-unknown-linux-gnu", Path.Combine(linux, "mt"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("crossdock: x86_64-unknown-linux-gnu: no binary for command 'mytool' (file mytool-cli); pass every command's executable, or the folder that holds them\n", result.Stderr);
        Assert.False(Directory.Exists(_release.Out));
    }

    [Fact]
    public void Binaries_of_one_folder_must_be_for_one_target()
    {
        var mixed = _release.Dir["mixed"];
        Directory.CreateDirectory(mixed);
        File.Copy(Fixtures.Path("host-gnu"), Path.Combine(mixed, "mytool-cli"));
        File.Copy(Fixtures.Path("gnu-2.17-aarch64"), Path.Combine(mixed, "mt"));
        using var both = new PackedRelease(Config.Replace("\"x86_64-pc-windows-msvc\"", "\"aarch64-unknown-linux-gnu\"", StringComparison.Ordinal));

        var result = CrossdockRunner.Run("pack", "--config", both.ConfigPath, "--out", both.Out, mixed);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("for aarch64-unknown-linux-gnu, but the other binaries in", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(both.Out));
    }

    [Fact]
    public void Verify_wants_every_command_in_every_package()
    {
        var linux = BuildOutput(_release.Dir, "linux", "host-gnu");
        var windows = BuildOutput(_release.Dir, "windows", "win-x64.exe", ".exe");
        Assert.Equal(0, Pack("--target", "x86_64-unknown-linux-gnu", linux, "--target", "x86_64-pc-windows-msvc", windows).ExitCode);
        CrossdockRunner.RunOk("assemble", "--config", _release.ConfigPath, "--out", _release.Out);
        CrossdockRunner.RunOk("verify", "--config", _release.ConfigPath, _release.Out);

        using var single = new PackedRelease(Config.Replace("bin = [{ name = \"mytool\", file = \"mytool-cli\" }, \"mt\"]", "bin = [\"mytool\", \"mt\", \"mtx\"]", StringComparison.Ordinal));
        var result = CrossdockRunner.Run("verify", "--config", single.ConfigPath, _release.Out);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("my_tool-2.0.0.data/scripts/mtx is missing: the wheel does not install the command 'mtx'", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("package/bin/mtx is missing", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("bin has no entry for the command 'mtx'", result.Stdout, StringComparison.Ordinal);
    }

    private static List<string> TarballEntries(string tarball)
    {
        using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry) names.Add(entry.Name);
        return names;
    }
}
