using System.Text.Json;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Cli;

public sealed class InspectCommandTests
{
    private static readonly string[] GoldenFixtures =
    [
        "host-gnu", "gnu-2.17-x86_64", "gnu-2.30-x86_64", "musl-static", "musl-dynamic", "gnu-static",
        "gnu-2.17-aarch64", "musl-aarch64", "static-nolibc-aarch64", "static-nolibc-x86_64", "gnu-libssl-x86_64",
        "win-x64.exe", "win-arm64.exe", "win-x86.exe", "macos-x64", "macos-arm64", "macos-arm64-13.4", "macos-universal",
        "freebsd-x64", "freebsd-arm64", "freebsd-note-x64",
    ];

    [Fact]
    public void Json_output_for_the_fixtures_matches_the_golden_file()
    {
        var result = CrossdockRunner.RunOk(["inspect", "--json", .. GoldenFixtures.Select(Fixtures.Path)]);

        Golden.Match("inspect/fixtures.json", Golden.Scrub(result.Stdout, (Fixtures.Dir + "/", "")));
    }

    [Fact]
    public void Json_objects_have_exactly_the_documented_keys()
    {
        var result = CrossdockRunner.RunOk("inspect", "--json", Fixtures.Path("host-gnu"), Fixtures.Path("macos-arm64"), Fixtures.Path("win-x64.exe"));

        using var document = JsonDocument.Parse(result.Stdout);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            Assert.Equal(
                ["path", "target", "os", "arch", "libc", "static", "glibc", "macos", "wheelPlatformTag", "npm", "warnings"],
                item.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void A_bad_file_is_reported_on_stderr_and_the_good_ones_still_printed()
    {
        var text = Fixtures.Path("text.txt");

        var result = CrossdockRunner.Run("inspect", "--json", Fixtures.Path("host-gnu"), text, Fixtures.Path("win-x64.exe"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"crossdock: {text}: is a text file, not a native binary (ELF, Mach-O or PE)\n", result.Stderr);
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(2, document.RootElement.GetArrayLength());
    }

    [Fact]
    public void Every_kind_of_bad_input_gives_one_line_each_and_exit_1()
    {
        using var dir = new TempDir();
        string[] bad = [Fixtures.Path("text.txt"), Fixtures.Path("empty.bin"), Fixtures.Path("truncated-elf"), Fixtures.Path("unknown-machine"), Fixtures.Path("netbsd-x64"), dir.Path, dir["missing"]];

        var result = CrossdockRunner.Run(["inspect", .. bad]);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(bad.Length, lines.Length);
        for (var i = 0; i < bad.Length; i++) Assert.StartsWith($"crossdock: {bad[i]}: ", lines[i], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_output_shows_target_needs_and_tags()
    {
        var result = CrossdockRunner.RunOk("inspect", Fixtures.Path("gnu-2.30-x86_64"), Fixtures.Path("macos-arm64"));

        Assert.Contains("x86_64-unknown-linux-gnu", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("glibc 2.30, dynamic", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("manylinux_2_30_x86_64", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("macosx_11_0_arm64", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("inspect", "--no-such-option", "x")]
    [InlineData("no-such-command")]
    public void Usage_errors_exit_2_with_one_line(params string[] args)
    {
        var result = CrossdockRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("crossdock: ", result.Stderr, StringComparison.Ordinal);
    }
}
