using Crossdock.Channels.Pypi;
using Crossdock.Core.Targets;
using Crossdock.Inspection;

namespace Crossdock.Tests.Channels.Pypi;

/// <summary>Tag decisions over inspection records (the fixtures' real inspections are covered in the pack tests).</summary>
public sealed class WheelPlatformTagsTests
{
    private static readonly Target LinuxGnuX64 = TargetTable.FindByTriple("x86_64-unknown-linux-gnu")!;
    private static readonly Target LinuxMuslX64 = TargetTable.FindByTriple("x86_64-unknown-linux-musl")!;
    private static readonly Target LinuxGnuArm64 = TargetTable.FindByTriple("aarch64-unknown-linux-gnu")!;
    private static readonly Target MacArm64 = TargetTable.FindByTriple("aarch64-apple-darwin")!;
    private static readonly Target MacX64 = TargetTable.FindByTriple("x86_64-apple-darwin")!;

    [Theory]
    [InlineData(2, "manylinux2014_x86_64.manylinux_2_17_x86_64")]
    [InlineData(17, "manylinux2014_x86_64.manylinux_2_17_x86_64")]
    [InlineData(18, "manylinux_2_18_x86_64")]
    [InlineData(30, "manylinux_2_30_x86_64")]
    public void Manylinux_tag_names_the_highest_glibc_needed_with_2_17_as_the_floor(int minor, string expected)
    {
        var tags = WheelPlatformTags.ForTarget(LinuxGnuX64, Linux(CpuArchitecture.X86_64, Libc.Gnu, new GlibcVersion(2, minor)));

        Assert.Equal(expected, tags.Tags.Compressed);
    }

    [Fact]
    public void Compressed_sets_are_in_plain_string_order_as_packaging_validates()
    {
        // '2' (0x32) sorts before '_' (0x5f): the legacy alias comes first.
        var set = new PlatformTagSet(["manylinux_2_17_aarch64", "manylinux2014_aarch64"]);

        Assert.Equal("manylinux2014_aarch64.manylinux_2_17_aarch64", set.Compressed);
        PlatformTagSet.Parse("manylinux_2_17_x86_64.manylinux2014_x86_64", out var wasSorted);
        Assert.False(wasSorted);
    }

    [Fact]
    public void Legacy_aliases_exist_only_for_the_levels_and_arches_that_had_them()
    {
        Assert.Equal(["manylinux_2_5_x86_64", "manylinux1_x86_64"], WheelPlatformTags.Manylinux(new GlibcVersion(2, 5), CpuArchitecture.X86_64));
        Assert.Equal(["manylinux_2_12_i686", "manylinux2010_i686"], WheelPlatformTags.Manylinux(new GlibcVersion(2, 12), CpuArchitecture.I686));
        Assert.Equal(["manylinux_2_12_aarch64"], WheelPlatformTags.Manylinux(new GlibcVersion(2, 12), CpuArchitecture.Aarch64));
        Assert.Equal(["manylinux_2_17_riscv64"], WheelPlatformTags.Manylinux(new GlibcVersion(2, 17), CpuArchitecture.Riscv64));
    }

    [Fact]
    public void Musl_target_gets_musllinux_1_2()
    {
        var tags = WheelPlatformTags.ForTarget(LinuxMuslX64, Linux(CpuArchitecture.X86_64, Libc.Musl, null, isStatic: true));

        Assert.Equal("musllinux_1_2_x86_64", tags.Tags.Compressed);
    }

    [Fact]
    public void Static_binary_with_both_option_serves_glibc_and_musl_from_one_wheel()
    {
        var inspection = Linux(CpuArchitecture.Aarch64, Libc.Musl, null, isStatic: true);

        var tags = WheelPlatformTags.ForTarget(LinuxGnuArm64, inspection, StaticLinuxTags.Both);

        Assert.Equal("manylinux2014_aarch64.manylinux_2_17_aarch64.musllinux_1_2_aarch64", tags.Tags.Compressed);
    }

    [Fact]
    public void Both_option_does_not_widen_a_dynamically_linked_binary()
    {
        var tags = WheelPlatformTags.ForTarget(LinuxGnuX64, Linux(CpuArchitecture.X86_64, Libc.Gnu, new GlibcVersion(2, 28)), StaticLinuxTags.Both);

        Assert.Equal("manylinux_2_28_x86_64", tags.Tags.Compressed);
    }

    [Theory]
    [InlineData(10, 12, "macosx_10_12_x86_64")]
    [InlineData(10, 9, "macosx_10_9_x86_64")]
    [InlineData(13, 4, "macosx_13_0_x86_64")]
    public void Macos_tag_uses_the_minimum_with_minor_0_from_11_on(int major, int minor, string expected)
    {
        var tags = WheelPlatformTags.ForTarget(MacX64, Mac(CpuArchitecture.X86_64, new MacosVersion(major, minor, 0)));

        Assert.Equal(expected, tags.Tags.Compressed);
    }

    [Fact]
    public void Arm64_macos_tag_is_never_older_than_11_0()
    {
        var tags = WheelPlatformTags.ForTarget(MacArm64, Mac(CpuArchitecture.Aarch64, new MacosVersion(10, 15, 0)));

        Assert.Equal("macosx_11_0_arm64", tags.Tags.Compressed);
    }

    [Theory]
    [InlineData(11, "macosx_10_12_universal2.macosx_10_12_x86_64.macosx_11_0_arm64")]
    [InlineData(12, "macosx_10_12_x86_64.macosx_12_0_arm64.macosx_12_0_universal2")]
    public void Universal2_tag_never_admits_macOS_versions_the_arm64_slice_cannot_run_on(int arm64Major, string expected)
    {
        MachOSlice[] slices = [new(CpuArchitecture.X86_64, new MacosVersion(10, 12, 0)), new(CpuArchitecture.Aarch64, new MacosVersion(arm64Major, 0, 0))];
        var fat = new BinaryInspection("fat", BinaryFormat.FatMachO, OperatingSystemFamily.Macos, null, null, null, null, [], [], new MacosVersion(arm64Major, 0, 0), [.. slices], []);

        Assert.Equal(expected, WheelPlatformTags.ForFatMachO(fat).Tags.Compressed);
    }

    [Theory]
    [InlineData("x86_64-unknown-linux-none", "manylinux2014_x86_64.manylinux_2_17_x86_64.musllinux_1_2_x86_64")]
    [InlineData("aarch64-unknown-linux-none", "manylinux2014_aarch64.manylinux_2_17_aarch64.musllinux_1_2_aarch64")]
    public void Libc_free_target_gets_one_sorted_tag_set_for_both_libcs_at_the_2_17_floor(string triple, string expected)
    {
        var target = TargetTable.FindByTriple(triple)!;

        var tags = WheelPlatformTags.ForTarget(target, LibcFree(target.Arch));

        Assert.Equal(expected, tags.Tags.Compressed);
        Assert.All(tags.Tags.Tags, t => Assert.True(PypiPlatformTags.IsAllowed(t), t));
    }

    [Fact]
    public void A_tag_set_for_both_libcs_serves_the_glibc_musl_and_libc_free_targets_of_its_architecture()
    {
        var served = PypiPlatformTags.TargetsServedBy(PlatformTagSet.Parse("manylinux2014_x86_64.manylinux_2_17_x86_64.musllinux_1_2_x86_64", out _));
        var glibcOnly = PypiPlatformTags.TargetsServedBy(PlatformTagSet.Parse("manylinux_2_28_x86_64", out _));

        Assert.Equal(["x86_64-unknown-linux-gnu", "x86_64-unknown-linux-musl", "x86_64-unknown-linux-none"], served.Select(t => t.Triple));
        Assert.Equal(["x86_64-unknown-linux-gnu"], glibcOnly.Select(t => t.Triple));
        Assert.Equal(["i686-pc-windows-msvc"], PypiPlatformTags.TargetsServedBy(PlatformTagSet.Parse("win32", out _)).Select(t => t.Triple));
    }

    [Theory]
    [InlineData("x86_64-unknown-freebsd")]
    [InlineData("aarch64-unknown-freebsd")]
    public void FreeBSD_targets_get_no_wheel_and_say_why(string triple)
    {
        var target = TargetTable.FindByTriple(triple)!;

        Assert.False(target.HasWheel);
        Assert.Equal("PyPI accepts no FreeBSD platform tag", WheelPlatformTags.NoWheelReason(target));
        Assert.Equal($"no wheel for {triple}: PyPI accepts no FreeBSD platform tag; npm ships it", WheelPlatformTags.NoWheelNote([target]));
        Assert.Throws<ArgumentException>(() => WheelPlatformTags.ForTarget(target, LibcFree(target.Arch)));
    }

    [Fact]
    public void Windows_targets_get_win_amd64_win_arm64_and_win32()
    {
        foreach (var (triple, expected) in new[] { ("x86_64-pc-windows-msvc", "win_amd64"), ("aarch64-pc-windows-msvc", "win_arm64"), ("i686-pc-windows-msvc", "win32") })
        {
            var target = TargetTable.FindByTriple(triple)!;
            var inspection = new BinaryInspection("x.exe", BinaryFormat.Pe, OperatingSystemFamily.Windows, target.Arch, null, null, null, [], [], null, [], []);

            Assert.Equal(expected, WheelPlatformTags.ForTarget(target, inspection).Tags.Compressed);
        }
    }

    private static BinaryInspection Linux(CpuArchitecture arch, Libc libc, GlibcVersion? glibc, bool isStatic = false) =>
        new("bin", BinaryFormat.Elf, OperatingSystemFamily.Linux, arch, libc, isStatic, glibc,
            glibc is { } g ? [$"GLIBC_{g}"] : [], isStatic ? [] : ["libc.so.6"], null, [], []);

    private static BinaryInspection LibcFree(CpuArchitecture arch) =>
        new("bin", BinaryFormat.Elf, OperatingSystemFamily.Linux, arch, null, true, null, [], [], null, [], []);

    private static BinaryInspection Mac(CpuArchitecture arch, MacosVersion minos) =>
        new("bin", BinaryFormat.MachO, OperatingSystemFamily.Macos, arch, null, null, null, [], [], minos, [new MachOSlice(arch, minos)], []);
}
