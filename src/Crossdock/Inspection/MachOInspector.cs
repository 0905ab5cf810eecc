using System.Buffers.Binary;
using System.Collections.Immutable;
using Crossdock.Core;
using Crossdock.Core.Targets;

namespace Crossdock.Inspection;

/// <summary>
/// Reads the Mach-O header and load commands for the CPU type and the minimum macOS
/// (<c>LC_BUILD_VERSION</c>'s minos, or the older <c>LC_VERSION_MIN_MACOSX</c>), and splits fat files into slices.
/// Hand-written because ELFSharp's Mach-O reader does not expose these load commands; it reads only
/// the header and command area of each slice, and checks every offset against the file's length.
/// </summary>
internal static class MachOInspector
{
    private const int MaxCommandBytes = 16 << 20;
    private const int MaxSlices = 32;

    public static BinaryInspection Inspect(string path, FileStream stream)
    {
        var slice = ReadSlice(path, stream, 0, stream.Length);
        return new BinaryInspection(path, BinaryFormat.MachO, OperatingSystemFamily.Macos, slice.Arch,
            Libc: null, IsStatic: null, GlibcRequirement: null, SymbolVersionNeeds: [], NeededLibraries: [],
            slice.MinimumMacos, [slice], Warnings: []);
    }

    public static BinaryInspection InspectFat(string path, FileStream stream)
    {
        var header = ReadAt(path, stream, 0, 8, "fat header");
        var is64 = BinaryPrimitives.ReadUInt32BigEndian(header) == MachOConstants.FatMagic64;
        var count = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
        if (count is 0 or > MaxSlices) throw CrossdockException.ForFile(path, $"fat Mach-O header claims {count} slices");

        var entrySize = is64 ? 32 : 20;
        var table = ReadAt(path, stream, 8, (int)count * entrySize, "fat slice table");
        var slices = ImmutableArray.CreateBuilder<MachOSlice>();
        for (var i = 0; i < count; i++)
        {
            var entry = table.AsSpan(i * entrySize, entrySize);
            var offset = is64 ? BinaryPrimitives.ReadUInt64BigEndian(entry[8..]) : BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            var size = is64 ? BinaryPrimitives.ReadUInt64BigEndian(entry[16..]) : BinaryPrimitives.ReadUInt32BigEndian(entry[12..]);
            if (offset + size > (ulong)stream.Length || offset + size < offset)
            {
                throw CrossdockException.ForFile(path, $"truncated: fat slice {i} ends at byte {offset + size}, beyond the file's {stream.Length}");
            }
            slices.Add(ReadSlice(path, stream, (long)offset, (long)size));
        }

        var minimum = slices.Select(s => s.MinimumMacos).Where(v => v is not null).Max();
        return new BinaryInspection(path, BinaryFormat.FatMachO, OperatingSystemFamily.Macos, Arch: null,
            Libc: null, IsStatic: null, GlibcRequirement: null, SymbolVersionNeeds: [], NeededLibraries: [],
            minimum, slices.ToImmutable(), Warnings: []);
    }

    private static MachOSlice ReadSlice(string path, FileStream stream, long start, long length)
    {
        var magicBytes = ReadAt(path, stream, start, 4, "Mach-O header");
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(magicBytes);
        if (magic is MachOConstants.CigamThin32 or MachOConstants.CigamThin64)
        {
            throw CrossdockException.ForFile(path, "is a big-endian (PowerPC) Mach-O file, not a supported target");
        }
        if (magic is not (MachOConstants.MagicThin32 or MachOConstants.MagicThin64))
        {
            throw CrossdockException.ForFile(path, $"fat slice at byte {start} is not a Mach-O file");
        }
        var is64 = magic == MachOConstants.MagicThin64;
        var headerSize = is64 ? 32 : 28;
        var header = ReadAt(path, stream, start, headerSize, "Mach-O header");
        var cpuType = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
        var arch = cpuType switch
        {
            MachOConstants.CpuTypeX86_64 => CpuArchitecture.X86_64,
            MachOConstants.CpuTypeArm64 => CpuArchitecture.Aarch64,
            MachOConstants.CpuTypeX86 => throw CrossdockException.ForFile(path, "is a 32-bit x86 Mach-O program; macOS has not run 32-bit programs since 10.15"),
            MachOConstants.CpuTypeArm => throw CrossdockException.ForFile(path, "is a 32-bit ARM Mach-O program (iOS), not a supported target"),
            _ => throw CrossdockException.ForFile(path, $"unsupported Mach-O CPU type 0x{cpuType:x}"),
        };
        var fileType = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(12));
        if (fileType != MachOConstants.FileTypeExecute)
        {
            throw CrossdockException.ForFile(path, $"is a Mach-O file of type {fileType} (object, dylib or bundle), not an executable");
        }
        var commandCount = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(16));
        var commandBytes = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(20));
        if (commandBytes > MaxCommandBytes || headerSize + commandBytes > length)
        {
            throw CrossdockException.ForFile(path, $"truncated: load commands ({commandBytes} bytes) run past the end of the Mach-O file");
        }
        var commands = ReadAt(path, stream, start + headerSize, (int)commandBytes, "load commands");
        return new MachOSlice(arch, MinimumMacos(path, commands, commandCount));
    }

    private static MacosVersion? MinimumMacos(string path, byte[] commands, uint count)
    {
        var offset = 0;
        MacosVersion? fromVersionMin = null;
        for (var i = 0; i < count; i++)
        {
            if ((long)offset + 8 > commands.Length) throw CrossdockException.ForFile(path, $"truncated: load command {i} starts past the command area");
            var cmd = BinaryPrimitives.ReadUInt32LittleEndian(commands.AsSpan(offset));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(commands.AsSpan(offset + 4));
            if (size < 8 || offset + (long)size > commands.Length) throw CrossdockException.ForFile(path, $"malformed load command {i} (size {size})");
            var body = commands.AsSpan(offset, (int)size);
            switch (cmd)
            {
                case MachOConstants.LcBuildVersion when size >= 16:
                    var platform = BinaryPrimitives.ReadUInt32LittleEndian(body[8..]);
                    if (platform != MachOConstants.PlatformMacos)
                    {
                        throw CrossdockException.ForFile(path, $"is a Mach-O program for Apple platform {platform} (iOS, tvOS, ...), not macOS");
                    }
                    return MacosVersion.FromPacked(BinaryPrimitives.ReadUInt32LittleEndian(body[12..]));
                case MachOConstants.LcVersionMinMacosx when size >= 16:
                    fromVersionMin = MacosVersion.FromPacked(BinaryPrimitives.ReadUInt32LittleEndian(body[8..]));
                    break;
                case MachOConstants.LcVersionMinIphoneos:
                    throw CrossdockException.ForFile(path, "is a Mach-O program for iOS, not macOS");
            }
            offset += (int)size;
        }
        return fromVersionMin;
    }

    private static byte[] ReadAt(string path, FileStream stream, long offset, int count, string what)
    {
        var buffer = new byte[count];
        stream.Position = offset;
        if (stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false) < count)
        {
            throw CrossdockException.ForFile(path, $"truncated {what}");
        }
        return buffer;
    }
}
