using Crossdock.Tests.Support;

namespace Crossdock.Tests.Cli;

/// <summary>
/// What pack, assemble and verify show: on a terminal, progress bars that go away and then a table; redirected,
/// under CI=true or with --json, no escape sequence at all and only the one-line summary. Run as the built
/// executable, under a real pseudo-terminal (script) and with stdout a pipe.
/// </summary>
public sealed class TerminalOutputTests : IDisposable
{
    private const char Escape = '\u001b';
    private readonly PackedRelease _release = new();

    private string[] Pack(params string[] extra) =>
    [
        "pack", "--config", _release.ConfigPath, .. extra,
        .. PackedRelease.FixtureByTarget.Keys.SelectMany(t => new[] { "--target", t }),
        .. PackedRelease.FixtureByTarget.Values.Select(Fixtures.Path),
    ];

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Pack_of_a_big_binary_on_a_terminal_draws_its_bar_in_bytes_and_clears_it()
    {
        // A real program with 48 MiB of data behind it: long enough to pack for the bar to be drawn.
        var binary = _release.Dir["big/mytool"];
        Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
        using (var output = File.Create(binary))
        {
            output.Write(File.ReadAllBytes(Fixtures.Path("host-gnu")));
            var random = new Random(3);
            var block = new byte[1 << 20];
            for (var i = 0; i < 48; i++)
            {
                random.NextBytes(block.AsSpan(0, 1 << 18));
                output.Write(block);
            }
        }

        var result = PseudoTerminal.Run(_release.Dir.Path, null, "pack", "--config", _release.ConfigPath, "--target", "x86_64-unknown-linux-gnu", binary);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Matches(@"x86_64-unknown-linux-gnu .*[0-9]+%.*/.*48\.[0-9] .*MiB", result.Stdout); // the bar: bytes read of the binary
        Assert.Contains("\u001b[2K", result.Stdout, StringComparison.Ordinal); // and its lines erased when done
        Assert.Matches(@"\n  x86_64-unknown-linux-gnu +[0-9.]+ MiB +[0-9.]+ MiB +[0-9.]+ MiB +[0-9.]+ % +[0-9.]+ s", result.Stdout);
        Assert.Matches(@"^packed 1 target into dist: 1 wheel, 1 npm package and 1 GitHub archive \(48\.0 MiB of binaries, [0-9.]+ % of the binaries' size\) in [0-9.]+ s$", Lines(result.Stdout)[^1]);
    }

    [Fact]
    public void Pack_on_a_terminal_ends_with_a_table_of_every_target()
    {
        var result = PseudoTerminal.Run(_release.Dir.Path, null, Pack());

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains(Escape, result.Stdout);
        var table = result.Stdout[result.Stdout.LastIndexOf("Target", StringComparison.Ordinal)..];
        foreach (var header in new[] { "Wheel", "npm", "GitHub", "Ratio", "Time" }) Assert.Contains(header, table, StringComparison.Ordinal);
        foreach (var target in PackedRelease.FixtureByTarget.Keys) Assert.Contains(target, table, StringComparison.Ordinal);
        Assert.Matches(@"\n  x86_64-unknown-linux-gnu +[0-9.]+ KiB +[0-9.]+ KiB +[0-9.]+ (KiB|B) +[0-9.]+ % +[0-9.]+ s", table);
        Assert.Matches(@"\npacked 8 targets into dist: 8 wheels, 8 npm packages and 8 GitHub archives \(.* of binaries, [0-9.]+ % of the binaries' size\) in [0-9.]+ s\n", table);
    }

    [Theory]
    [InlineData("a pipe")]
    [InlineData("CI=true")]
    [InlineData("--json")]
    public void Pack_elsewhere_prints_no_escape_and_only_the_summary(string where)
    {
        var result = where switch
        {
            "a pipe" => CrossdockRunner.RunIn(_release.Dir.Path, Pack()),
            "CI=true" => PseudoTerminal.Run(_release.Dir.Path, new Dictionary<string, string?> { ["CI"] = "true" }, Pack()),
            _ => PseudoTerminal.Run(_release.Dir.Path, null, Pack("--json")),
        };

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain(Escape, result.Stdout);
        if (where == "--json") Assert.StartsWith("[", result.Stdout.TrimStart(), StringComparison.Ordinal);
        else Assert.StartsWith("packed 8 targets into dist: 8 wheels, 8 npm packages and 8 GitHub archives (", Assert.Single(Lines(result.Stdout)), StringComparison.Ordinal);
    }

    [Fact]
    public void Assemble_and_verify_on_a_terminal_show_a_table_and_redirected_only_their_summary()
    {
        _release.Pack();
        string[] assemble = ["assemble", "--config", _release.ConfigPath];
        string[] verify = ["verify", "--config", _release.ConfigPath];

        var assembled = PseudoTerminal.Run(_release.Dir.Path, null, assemble);
        Assert.True(assembled.ExitCode == 0, assembled.Output);
        Assert.Contains(Escape, assembled.Stdout);
        Assert.Matches(@"File +Size +What", assembled.Stdout);
        Assert.Contains("dist/github/sha256.sum", assembled.Stdout, StringComparison.Ordinal);
        Assert.Contains("\nassembled my-tool@1.2.0-beta.1 pinning 8 platform packages", assembled.Stdout, StringComparison.Ordinal);

        var verified = PseudoTerminal.Run(_release.Dir.Path, null, verify);
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.Contains(Escape, verified.Stdout);
        Assert.Matches(@"Target +Wheel +npm +GitHub", verified.Stdout);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(verified.Stdout, @"\n  aarch64-apple-darwin +[0-9.]+ KiB +[0-9.]+ KiB +[0-9.]+ (KiB|B)\b"), verified.Stdout.Replace(Escape, '^'));
        Assert.Contains("\nverified 8 wheels, 9 npm packages, 8 GitHub archives and ", verified.Stdout, StringComparison.Ordinal);

        var piped = CrossdockRunner.RunIn(_release.Dir.Path, assemble);
        Assert.DoesNotContain(Escape, piped.Stdout);
        Assert.StartsWith("assembled my-tool@1.2.0-beta.1 pinning 8 platform packages and ", Assert.Single(Lines(piped.Stdout)), StringComparison.Ordinal);
        piped = CrossdockRunner.RunIn(_release.Dir.Path, verify);
        Assert.DoesNotContain(Escape, piped.Stdout);
        Assert.StartsWith("verified 8 wheels, 9 npm packages, 8 GitHub archives and ", Assert.Single(Lines(piped.Stdout)), StringComparison.Ordinal);
    }

    public void Dispose() => _release.Dispose();
}
