using Crossdock.Tests.Support;

namespace Crossdock.Tests.Cli;

public sealed class PackCommandTests
{
    [Fact]
    public void Glibc_2_17_and_glibc_2_30_binaries_get_different_manylinux_tags()
    {
        using var release = new PackedRelease("[package]\nname = \"t\"\nversion = \"1.0.0\"\ntargets = [\"x86_64-unknown-linux-gnu\"]\n");

        CrossdockRunner.RunOk("pack", "--config", release.ConfigPath, "--out", release.Dir["a"], Fixtures.Path("gnu-2.17-x86_64"));
        CrossdockRunner.RunOk("pack", "--config", release.ConfigPath, "--out", release.Dir["b"], Fixtures.Path("gnu-2.30-x86_64"));

        Assert.Contains("a/pypi/t-1.0.0-py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.whl", release.Dir.Files());
        Assert.Contains("b/pypi/t-1.0.0-py3-none-manylinux_2_30_x86_64.whl", release.Dir.Files());
    }

    [Theory]
    [InlineData("gnu-2.17-aarch64", "x86_64-unknown-linux-gnu", "is an aarch64 Linux program (glibc 2.17, dynamically linked), not x86_64-unknown-linux-gnu")]
    [InlineData("host-gnu", "x86_64-unknown-linux-musl", "is an x86_64 Linux program (glibc 2.34, dynamically linked), not x86_64-unknown-linux-musl")]
    [InlineData("macos-arm64", "x86_64-apple-darwin", "is an aarch64 macOS program (macOS 11.0+), not x86_64-apple-darwin")]
    [InlineData("win-x64.exe", "aarch64-pc-windows-msvc", "is an x86_64 Windows program, not aarch64-pc-windows-msvc")]
    public void Mislabelled_target_is_refused_saying_what_the_binary_is_and_leaves_nothing(string fixture, string target, string message)
    {
        using var release = new PackedRelease();
        var binary = Fixtures.Path(fixture);

        var result = CrossdockRunner.Run("pack", "--config", release.ConfigPath, "--out", release.Out, "--target", target, binary);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"crossdock: {binary}: {message}; refusing to label it {target}\n", result.Stderr);
        Assert.False(Directory.Exists(release.Out));
    }

    [Fact]
    public void Static_linux_tags_both_makes_one_wheel_for_glibc_and_musl()
    {
        using var release = new PackedRelease();

        CrossdockRunner.RunOk("pack", "--config", release.ConfigPath, "--out", release.Out, "--static-linux-tags", "both", Fixtures.Path("musl-static"));

        Assert.Equal(["dist/github/my-tool-x86_64-unknown-linux-musl.tar.gz", "dist/npm/my-tool-linux-x64-musl-1.2.0-beta.1.tgz", "dist/nuget/my-tool.linux-musl-x64.1.2.0-beta.1.nupkg", "dist/pypi/my_tool-1.2.0b1-py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.musllinux_1_2_x86_64.whl"],
            release.Dir.Files().Where(f => f.StartsWith("dist/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Targets_are_detected_when_not_given()
    {
        using var release = new PackedRelease();

        var result = CrossdockRunner.RunOk("pack", "--config", release.ConfigPath, "--out", release.Out, "--json",
            Fixtures.Path("musl-aarch64"), Fixtures.Path("macos-x64"), Fixtures.Path("win-arm64.exe"));

        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.Equal(["aarch64-unknown-linux-musl", "x86_64-apple-darwin", "aarch64-pc-windows-msvc"],
            json.RootElement.EnumerateArray().Select(p => p.GetProperty("target").GetString()));
    }

    [Fact]
    public void Same_inputs_give_byte_identical_output_in_parallel_and_sequential_runs()
    {
        using var release = new PackedRelease();
        var environment = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" };

        release.Pack(environment: environment, extra: ["--jobs", "2"]);
        var first = Snapshot(release.Out);
        Directory.Delete(release.Out, recursive: true);
        release.Pack(environment: environment, extra: ["--jobs", "1"]);
        var second = Snapshot(release.Out);

        Assert.Equal(32, first.Count); // a wheel, an npm package, a GitHub archive and a NuGet package per target
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (name, bytes) in first) Assert.True(bytes.AsSpan().SequenceEqual(second[name]), $"{name} differs between runs");
    }

    [Fact]
    public void A_binary_of_several_chunks_packs_to_the_same_bytes_with_jobs_1_and_every_core()
    {
        using var release = new PackedRelease();
        // A real program followed by 3 chunks and 17 bytes of data, so the one binary is split across the workers.
        var binary = release.Dir["big/mytool"];
        Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
        var random = new Random(11);
        var tail = new byte[3 * Crossdock.Core.Archives.SharedDeflate.ChunkSize + 17];
        random.NextBytes(tail.AsSpan(0, tail.Length / 3));
        File.WriteAllBytes(binary, [.. File.ReadAllBytes(Fixtures.Path("host-gnu")), .. tail]);
        var environment = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" };

        CrossdockRunner.RunOk(environment, "pack", "--config", release.ConfigPath, "--out", release.Dir["one"], "--jobs", "1", "--target", "x86_64-unknown-linux-gnu", binary);
        CrossdockRunner.RunOk(environment, "pack", "--config", release.ConfigPath, "--out", release.Dir["all"], "--jobs", Math.Max(4, Environment.ProcessorCount).ToString(System.Globalization.CultureInfo.InvariantCulture), "--target", "x86_64-unknown-linux-gnu", binary);
        var one = Snapshot(release.Dir["one"]);
        var all = Snapshot(release.Dir["all"]);

        Assert.Equal(4, one.Count); // the wheel, the npm package, the GitHub archive and the NuGet RID package
        Assert.Equal(one.Keys, all.Keys);
        foreach (var (name, bytes) in one) Assert.True(bytes.AsSpan().SequenceEqual(all[name]), $"{name} differs between --jobs 1 and every core");
    }

    [Fact]
    public void SOURCE_DATE_EPOCH_changes_every_artifacts_bytes()
    {
        using var release = new PackedRelease();

        release.Pack(["x86_64-unknown-linux-gnu"], new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" });
        var a = Snapshot(release.Out);
        release.Pack(["x86_64-unknown-linux-gnu"], new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1800000000" });
        var b = Snapshot(release.Out);

        Assert.Equal(a.Keys, b.Keys);
        Assert.All(a, pair => Assert.False(pair.Value.AsSpan().SequenceEqual(b[pair.Key])));
    }

    [Fact]
    public void Dry_run_prints_the_plan_and_writes_nothing()
    {
        using var release = new PackedRelease();

        var result = CrossdockRunner.RunOk("pack", "--config", release.ConfigPath, "--out", release.Out, "--dry-run", Fixtures.Path("gnu-2.17-aarch64"));

        using var plan = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.Equal("1.2.0b1", plan.RootElement.GetProperty("version").GetString());
        Assert.Equal("1.2.0-beta.1", plan.RootElement.GetProperty("npmVersion").GetString());
        var platform = plan.RootElement.GetProperty("platforms")[0];
        Assert.Equal("py3-none-manylinux2014_aarch64.manylinux_2_17_aarch64", platform.GetProperty("wheel").GetProperty("tag").GetString());
        Assert.Equal("my-tool-linux-arm64-gnu", platform.GetProperty("npm").GetProperty("name").GetString());
        Assert.False(Directory.Exists(release.Out));
    }

    [Fact]
    public void Failure_while_writing_leaves_no_partial_artifact()
    {
        using var release = new PackedRelease();
        var doomed = release.Dir["doomed"];
        File.Copy(Fixtures.Path("musl-static"), doomed);
        var config = Crossdock.Config.ConfigLoader.Load(release.ConfigPath);
        var plan = Crossdock.Release.ReleasePlanner.Plan(new Crossdock.Release.PackRequest(config,
            [(Fixtures.Path("host-gnu"), null), (doomed, null)], null, release.Out, Crossdock.Channels.Pypi.StaticLinuxTags.Target));
        File.Delete(doomed); // disappears between planning and writing

        Assert.ThrowsAny<IOException>(() => Crossdock.Release.ReleaseWriter.Write(plan, Crossdock.Core.Archives.ArchiveTime.NpmDefault, 2, null, CancellationToken.None));

        Assert.False(Directory.Exists(release.Out), string.Join(", ", release.Dir.Files()));
    }

    [Fact]
    public void Second_binary_for_the_same_target_is_refused()
    {
        using var release = new PackedRelease();

        var result = CrossdockRunner.Run("pack", "--config", release.ConfigPath, "--out", release.Out, Fixtures.Path("host-gnu"), Fixtures.Path("gnu-2.30-x86_64"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is a second binary for x86_64-unknown-linux-gnu", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(release.Out));
    }

    [Fact]
    public void Target_count_not_matching_binaries_is_a_usage_error()
    {
        using var release = new PackedRelease();

        var result = CrossdockRunner.Run("pack", "--config", release.ConfigPath, "--target", "x86_64-unknown-linux-gnu", Fixtures.Path("host-gnu"), Fixtures.Path("musl-static"));

        Assert.Equal(2, result.ExitCode);
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);
}
