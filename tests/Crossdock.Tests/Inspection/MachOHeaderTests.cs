using System.Buffers.Binary;
using Crossdock.Core;
using Crossdock.Inspection;
using Crossdock.Release;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Inspection;

/// <summary>
/// Mach-O cases ld64.lld does not produce, checked on minimal valid headers written by the test itself
/// (a header and load commands only; inspection never reads further).
/// </summary>
public sealed class MachOHeaderTests
{
    [Fact]
    public void Older_LC_VERSION_MIN_MACOSX_gives_the_minimum_when_LC_BUILD_VERSION_is_absent()
    {
        using var dir = new TempDir();
        var path = dir["old-style"];
        File.WriteAllBytes(path, MinimalMachO(cpuType: 0x01000007, command: 0x24, payload: [0x000A0900u, 0x000A0C00u]));

        var inspection = BinaryInspector.Inspect(path);

        Assert.Equal("x86_64", inspection.Arch!.Name);
        Assert.Equal("10.9", inspection.MinimumMacos.ToString());
    }

    [Fact]
    public void Missing_version_command_assumes_a_floor_and_says_so()
    {
        using var dir = new TempDir();
        var path = dir["no-version"];
        File.WriteAllBytes(path, MinimalMachO(cpuType: 0x01000007, command: 0x1b /* LC_UUID */, payload: [0, 0, 0, 0]));

        var report = InspectionReport.Create(BinaryInspector.Inspect(path));

        Assert.Equal("macosx_10_12_x86_64", report.WheelPlatformTag!.Compressed);
        Assert.Contains(report.Warnings, w => w.Contains("declares no minimum macOS", StringComparison.Ordinal));
    }

    [Fact]
    public void IOS_program_is_refused()
    {
        using var dir = new TempDir();
        var path = dir["ios"];
        // LC_BUILD_VERSION with platform 2 (iOS), minos 15.0
        File.WriteAllBytes(path, MinimalMachO(cpuType: 0x0100000C, command: 0x32, payload: [2u, 0x000F0000u, 0x000F0000u, 0u]));

        var error = Assert.Throws<CrossdockException>(() => BinaryInspector.Inspect(path));

        Assert.Contains("not macOS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_command_with_a_huge_size_is_refused_not_a_crash()
    {
        using var dir = new TempDir();
        var path = dir["huge-command"];
        var bytes = MinimalMachO(cpuType: 0x01000007, command: 0x1b, payload: [0, 0, 0, 0]);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(36), 0xFFFFFFF0); // cmdsize
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<CrossdockException>(() => BinaryInspector.Inspect(path));

        Assert.Contains("malformed load command 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Java_class_file_is_not_mistaken_for_a_fat_MachO()
    {
        using var dir = new TempDir();
        var path = dir["Main.class"];
        File.WriteAllBytes(path, [0xCA, 0xFE, 0xBA, 0xBE, 0x00, 0x00, 0x00, 0x41, 0, 0, 0, 0]);

        var error = Assert.Throws<CrossdockException>(() => BinaryInspector.Inspect(path));

        Assert.Contains("unknown format (starts with cafebabe)", error.Message, StringComparison.Ordinal);
    }

    private static byte[] MinimalMachO(int cpuType, uint command, uint[] payload)
    {
        var commandSize = 8 + payload.Length * 4;
        var bytes = new byte[32 + commandSize];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, 0xfeedfacf);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], cpuType);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], 2); // MH_EXECUTE
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 1); // ncmds
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], (uint)commandSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[32..], command);
        BinaryPrimitives.WriteUInt32LittleEndian(span[36..], (uint)commandSize);
        for (var i = 0; i < payload.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(span[(40 + i * 4)..], payload[i]);
        return bytes;
    }
}
