using Crossdock.Core;
using Crossdock.Core.Targets;
using Crossdock.Inspection;
using Crossdock.Release;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Inspection;

/// <summary>Inspection of real binaries built at test time (tests/fixtures/build.sh).</summary>
public sealed class BinaryInspectorTests
{
    [Fact]
    public void Dynamically_linked_glibc_program_reports_interpreter_libc_and_highest_glibc_version()
    {
        // Linked here against Debian's glibc 2.36, so __libc_start_main@GLIBC_2.34 is the newest need.
        var inspection = BinaryInspector.Inspect(Fixtures.Path("host-gnu"));

        Assert.Equal(OperatingSystemFamily.Linux, inspection.Os);
        Assert.Equal(CpuArchitecture.X86_64, inspection.Arch);
        Assert.Equal(Libc.Gnu, inspection.Libc);
        Assert.False(inspection.IsStatic);
        Assert.Equal(new GlibcVersion(2, 34), inspection.GlibcRequirement);
        Assert.Contains("libc.so.6", inspection.NeededLibraries);
    }

    [Theory]
    [InlineData("gnu-2.17-x86_64", 17)]
    [InlineData("gnu-2.30-x86_64", 30)]
    public void Highest_GLIBC_symbol_version_is_found_not_the_first(string fixture, int minor)
    {
        // gnu-2.30 needs GLIBC_2.2.5, GLIBC_2.17 and GLIBC_2.30 (gettid); gnu-2.17 only the first two.
        var inspection = BinaryInspector.Inspect(Fixtures.Path(fixture));

        Assert.Equal(new GlibcVersion(2, minor), inspection.GlibcRequirement);
        Assert.Contains("GLIBC_2.2.5", inspection.SymbolVersionNeeds);
    }

    [Theory]
    [InlineData("musl-static")]
    [InlineData("musl-static-stripped")]
    public void Static_musl_program_is_musl_from_markers_in_the_file(string fixture)
    {
        var inspection = BinaryInspector.Inspect(Fixtures.Path(fixture));

        Assert.True(inspection.IsStatic);
        Assert.Equal(Libc.Musl, inspection.Libc);
        Assert.Null(inspection.GlibcRequirement);
    }

    [Fact]
    public void Static_glibc_program_is_gnu_from_its_ABI_tag_note()
    {
        var inspection = BinaryInspector.Inspect(Fixtures.Path("gnu-static"));

        Assert.True(inspection.IsStatic);
        Assert.Equal(Libc.Gnu, inspection.Libc);
    }

    [Fact]
    public void Dynamic_musl_program_is_musl_from_its_interpreter()
    {
        var inspection = BinaryInspector.Inspect(Fixtures.Path("musl-dynamic"));

        Assert.False(inspection.IsStatic);
        Assert.Equal(Libc.Musl, inspection.Libc);
    }

    [Fact]
    public void Aarch64_programs_report_their_architecture_and_libc()
    {
        var gnu = BinaryInspector.Inspect(Fixtures.Path("gnu-2.17-aarch64"));
        var musl = BinaryInspector.Inspect(Fixtures.Path("musl-aarch64"));

        Assert.Equal(CpuArchitecture.Aarch64, gnu.Arch);
        Assert.Equal(Libc.Gnu, gnu.Libc);
        Assert.Equal(new GlibcVersion(2, 17), gnu.GlibcRequirement);
        Assert.Equal(CpuArchitecture.Aarch64, musl.Arch);
        Assert.Equal(Libc.Musl, musl.Libc);
    }

    [Theory]
    [InlineData("static-nolibc-aarch64", "aarch64-unknown-linux-none")]
    [InlineData("static-nolibc-x86_64", "x86_64-unknown-linux-none")]
    [InlineData("go-linux-x64", "x86_64-unknown-linux-none")]
    public void Static_program_without_any_libc_has_no_libc_and_is_the_libc_free_target(string fixture, string target)
    {
        // The C ones are linked -static -nostdlib; the Go one is a real `CGO_ENABLED=0 go build`, as Go projects ship.
        if (fixture.StartsWith("go-", StringComparison.Ordinal)) Tools.Require("go");
        var inspection = BinaryInspector.Inspect(Fixtures.Path(fixture));

        Assert.True(inspection.IsStatic);
        Assert.Null(inspection.Libc);
        Assert.Empty(inspection.Warnings);
        Assert.Equal(target, TargetResolver.Detect(inspection)!.Triple);
    }

    [Theory]
    [InlineData("freebsd-x64", "x86_64")]
    [InlineData("freebsd-arm64", "aarch64")]
    [InlineData("freebsd-note-x64", "x86_64")]
    [InlineData("go-freebsd-x64", "x86_64")]
    public void FreeBSD_program_is_recognised_by_its_OSABI_or_its_ABI_note(string fixture, string arch)
    {
        // freebsd-x64/arm64: lld's FreeBSD emulations (EI_OSABI 9); freebsd-note-x64: OSABI 0 with FreeBSD's .note.tag;
        // go-freebsd-x64: GOOS=freebsd go build, which brands OSABI 9.
        if (fixture.StartsWith("go-", StringComparison.Ordinal)) Tools.Require("go");
        var inspection = BinaryInspector.Inspect(Fixtures.Path(fixture));

        Assert.Equal(OperatingSystemFamily.FreeBsd, inspection.Os);
        Assert.Equal(arch, inspection.Arch!.Name);
        Assert.Null(inspection.Libc);
        Assert.Null(inspection.GlibcRequirement);
        Assert.Equal($"{arch}-unknown-freebsd", TargetResolver.Detect(inspection)!.Triple);
    }

    [Theory]
    [InlineData("win-x64.exe", "x86_64")]
    [InlineData("win-arm64.exe", "aarch64")]
    [InlineData("win-x86.exe", "i686")]
    public void Windows_PE_reports_its_machine(string fixture, string arch)
    {
        var inspection = BinaryInspector.Inspect(Fixtures.Path(fixture));

        Assert.Equal(OperatingSystemFamily.Windows, inspection.Os);
        Assert.Equal(arch, inspection.Arch!.Name);
        Assert.Null(inspection.Libc);
    }

    [Theory]
    [InlineData("macos-x64", "x86_64", "10.12")]
    [InlineData("macos-arm64", "aarch64", "11.0")]
    [InlineData("macos-arm64-13.4", "aarch64", "13.4")]
    public void MachO_reports_architecture_and_minimum_macos_from_LC_BUILD_VERSION(string fixture, string arch, string minos)
    {
        var inspection = BinaryInspector.Inspect(Fixtures.Path(fixture));

        Assert.Equal(OperatingSystemFamily.Macos, inspection.Os);
        Assert.Equal(arch, inspection.Arch!.Name);
        Assert.Equal(minos, inspection.MinimumMacos.ToString());
    }

    [Fact]
    public void Fat_MachO_lists_each_slice_with_its_own_minimum()
    {
        var inspection = BinaryInspector.Inspect(Fixtures.Path("macos-universal"));

        Assert.True(inspection.IsUniversal2);
        Assert.Equal(
            ["x86_64 10.12", "aarch64 11.0"],
            inspection.Slices.Select(s => $"{s.Arch} {s.MinimumMacos}"));
    }

    [Fact]
    public void Library_outside_the_manylinux_policy_is_reported()
    {
        var report = InspectionReport.Create(BinaryInspector.Inspect(Fixtures.Path("gnu-libssl-x86_64")));

        Assert.Contains(report.Warnings, w => w.StartsWith("links libssl.so.3", StringComparison.Ordinal));
    }

    [Fact]
    public void Newer_libstdcxx_symbol_versions_raise_the_manylinux_tag()
    {
        // The program needs only GLIBC_2.2.5 but GLIBCXX_3.4.30, which auditwheel's policy first allows at manylinux_2_35.
        var report = InspectionReport.Create(BinaryInspector.Inspect(Fixtures.Path("gnu-glibcxx-x86_64")));

        Assert.Equal("manylinux_2_35_x86_64", report.WheelPlatformTag!.Compressed);
        Assert.Contains(report.Warnings, w => w.Contains("libstdc++", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("text.txt", "is a text file, not a native binary")]
    [InlineData("empty.bin", "is empty")]
    [InlineData("truncated-elf", "truncated ELF header (40 of 64 bytes)")]
    [InlineData("unknown-machine", "unsupported machine type: 64-bit ELF e_machine 8")]
    [InlineData("script.sh", "is a script (#!/bin/sh)")]
    [InlineData("netbsd-x64", "is an ELF program for NetBSD, not Linux or FreeBSD")]
    public void Bad_input_is_refused_with_the_file_and_the_reason(string fixture, string reason)
    {
        var path = Fixtures.Path(fixture);

        var error = Assert.Throws<CrossdockException>(() => BinaryInspector.Inspect(path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.ExitCode);
    }

    [Fact]
    public void Truncated_file_with_a_whole_header_names_the_table_that_runs_off_the_end()
    {
        using var dir = new TempDir();
        var path = dir["cut"];
        File.WriteAllBytes(path, File.ReadAllBytes(Fixtures.Path("host-gnu"))[..1000]);

        var error = Assert.Throws<CrossdockException>(() => BinaryInspector.Inspect(path));

        Assert.Contains("truncated: the section header table ends at byte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_MachO_load_commands_are_refused()
    {
        using var dir = new TempDir();
        var path = dir["cut"];
        File.WriteAllBytes(path, File.ReadAllBytes(Fixtures.Path("macos-arm64"))[..40]);

        var error = Assert.Throws<CrossdockException>(() => BinaryInspector.Inspect(path));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_and_missing_path_are_refused()
    {
        using var dir = new TempDir();

        Assert.Contains("is a directory", Assert.Throws<CrossdockException>(() => BinaryInspector.Inspect(dir.Path)).Message, StringComparison.Ordinal);
        Assert.Contains("no such file", Assert.Throws<CrossdockException>(() => BinaryInspector.Inspect(dir["nope"])).Message, StringComparison.Ordinal);
    }
}
