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
    public void Linux_targets_declare_libc_and_others_do_not()
    {
        foreach (var target in TargetTable.All)
        {
            Assert.Equal(target.Os == OperatingSystemFamily.Linux, target.NpmPlatform.Libc is not null);
        }
        Assert.Equal("glibc", TargetTable.FindByTriple("x86_64-unknown-linux-gnu")!.NpmPlatform.Libc);
        Assert.Equal("musl", TargetTable.FindByTriple("aarch64-unknown-linux-musl")!.NpmPlatform.Libc);
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

    [GeneratedRegex(@"(unknown-linux-(gnu|musl)|apple-darwin|pc-windows-msvc)")]
    private static partial Regex Triple();
}
