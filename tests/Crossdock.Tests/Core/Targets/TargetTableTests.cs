using System.Text.RegularExpressions;
using Crossdock.Core.Targets;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Core.Targets;

public sealed partial class TargetTableTests
{
    [Fact]
    public void Defaults_are_the_seeds_seven_distinct_targets_in_its_order()
    {
        Assert.Equal(
            ["linux-x64-gnu", "linux-x64-musl", "linux-arm64-gnu", "linux-arm64-musl", "darwin-x64", "darwin-arm64", "win32-x64"],
            TargetTable.Defaults.Select(t => t.NpmSuffix));
    }

    [Fact]
    public void Windows_arm64_is_supported_but_opt_in()
    {
        var target = TargetTable.FindByTriple("aarch64-pc-windows-msvc");

        Assert.NotNull(target);
        Assert.False(target.IsDefault);
        Assert.Equal(new NpmPlatform("win32", "arm64", null), target.NpmPlatform);
        Assert.Equal("win-arm64", target.DotnetRid);
    }

    [Fact]
    public void Triples_suffixes_and_platform_combinations_are_unique()
    {
        Assert.Equal(TargetTable.All.Length, TargetTable.All.Select(t => t.Triple).Distinct().Count());
        Assert.Equal(TargetTable.All.Length, TargetTable.All.Select(t => t.NpmSuffix).Distinct().Count());
        Assert.Equal(TargetTable.All.Length, TargetTable.All.Select(t => (t.Os, t.Arch, t.Libc)).Distinct().Count());
    }

    [Fact]
    public void Linux_targets_declare_libc_except_the_libc_free_ones_and_others_do_not()
    {
        foreach (var target in TargetTable.All)
        {
            Assert.Equal(target.Os == OperatingSystemFamily.Linux && !target.IsLibcFree, target.NpmPlatform.Libc is not null);
        }
        Assert.Equal(new NpmPlatform("linux", "x64", null), TargetTable.FindByTriple("x86_64-unknown-linux-none")!.NpmPlatform);
        Assert.Equal("linux-arm64", TargetTable.FindByTriple("aarch64-unknown-linux-none")!.NpmSuffix);
        Assert.Equal("glibc", TargetTable.FindByTriple("x86_64-unknown-linux-gnu")!.NpmPlatform.Libc);
        Assert.Equal("musl", TargetTable.FindByTriple("aarch64-unknown-linux-musl")!.NpmPlatform.Libc);
    }

    [Theory]
    [InlineData("x86_64-unknown-linux-none", "linux", "x64", null, "linux-x64", "x86_64-linux-none")]
    [InlineData("aarch64-unknown-linux-none", "linux", "arm64", null, "linux-arm64", "aarch64-linux-none")]
    [InlineData("i686-pc-windows-msvc", "win32", "ia32", null, "win-x86", "x86-windows")]
    [InlineData("x86_64-unknown-freebsd", "freebsd", "x64", null, "freebsd-x64", "x86_64-freebsd")]
    [InlineData("aarch64-unknown-freebsd", "freebsd", "arm64", null, "freebsd-arm64", "aarch64-freebsd")]
    public void Targets_peers_ship_are_in_the_table_opt_in(string triple, string os, string cpu, string? libc, string rid, string zig)
    {
        var target = TargetTable.FindByTriple(triple)!;

        Assert.False(target.IsDefault);
        Assert.Equal(new NpmPlatform(os, cpu, libc), target.NpmPlatform);
        Assert.Equal(rid, target.DotnetRid);
        Assert.Equal(zig, target.ZigTarget);
        if (os == "freebsd") Assert.Equal(("freebsd", "freebsd", "freebsd"), (target.Os.NpmOs, target.Os.GoOs, target.Os.ZigOs));
    }

    [Fact]
    public void Libc_free_defaults_replace_each_linux_architectures_glibc_and_musl_targets_with_one()
    {
        Assert.Equal(
            ["x86_64-unknown-linux-none", "aarch64-unknown-linux-none", "x86_64-apple-darwin", "aarch64-apple-darwin", "x86_64-pc-windows-msvc"],
            TargetTable.LibcFreeDefaults.Select(t => t.Triple));
        Assert.Equal(["x86_64-unknown-linux-none", "x86_64-unknown-linux-gnu", "x86_64-unknown-linux-musl"],
            TargetTable.FindByTriple("x86_64-unknown-linux-none")!.Serves.Select(t => t.Triple));
    }

    [Fact]
    public void No_source_file_outside_Targets_spells_a_target_triple()
    {
        var source = Repository.PathOf("src", "Crossdock");
        var offenders = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Targets{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Triple().IsMatch(File.ReadAllText(f)))
            .ToList();

        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"(unknown-linux-(gnu|musl|none)|unknown-freebsd|apple-darwin|pc-windows-msvc)")]
    private static partial Regex Triple();
}
