using System.Buffers.Binary;
using Crossdock.Core;

namespace Crossdock.Inspection;

/// <summary>
/// Checks the ELF header's own numbers before ELFSharp trusts them, so a truncated or foreign file gets a
/// message saying what is wrong instead of an EndOfStreamException from deep inside the reader.
/// </summary>
internal static class ElfHeaderCheck
{
    public static void Validate(string path, Stream stream)
    {
        var length = stream.Length;
        var header = new byte[64];
        stream.Position = 0;
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read < 16) throw CrossdockException.ForFile(path, $"truncated ELF identification ({read} of 16 bytes)");

        var is64 = header[4] switch
        {
            1 => false,
            2 => true,
            _ => throw CrossdockException.ForFile(path, $"unknown ELF class {header[4]}"),
        };
        var big = header[5] switch
        {
            1 => false,
            2 => true,
            _ => throw CrossdockException.ForFile(path, $"unknown ELF data encoding {header[5]}"),
        };
        RejectNonLinuxAbi(path, header[7]);

        var headerSize = is64 ? 64 : 52;
        if (read < headerSize) throw CrossdockException.ForFile(path, $"truncated ELF header ({read} of {headerSize} bytes)");

        ulong Word(int offset32, int offset64) => is64
            ? (big ? BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(offset64)) : BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(offset64)))
            : (big ? BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(offset32)) : BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(offset32)));
        ushort Half(int offset32, int offset64) => big
            ? BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(is64 ? offset64 : offset32))
            : BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(is64 ? offset64 : offset32));

        CheckTable(path, "program header", Word(28, 32), Half(42, 54), Half(44, 56), length);
        CheckTable(path, "section header", Word(32, 40), Half(46, 58), Half(48, 60), length);
    }

    private static void CheckTable(string path, string what, ulong offset, ushort entrySize, ushort count, long length)
    {
        if (count == 0) return;
        var end = offset + (ulong)entrySize * count;
        if (end > (ulong)length)
        {
            throw CrossdockException.ForFile(path, $"truncated: the {what} table ends at byte {end}, beyond the file's {length} bytes");
        }
    }

    /// <summary>EI_OSABI of FreeBSD; Go, lld and FreeBSD's own toolchain brand FreeBSD programs with it.</summary>
    public const byte FreeBsdAbi = 9;

    /// <summary>System V (0) and GNU/Linux (3) ABI ELF files are Linux programs (or FreeBSD ones with a note), 9 is FreeBSD.</summary>
    private static void RejectNonLinuxAbi(string path, byte osAbi)
    {
        var name = osAbi switch
        {
            0 or 3 or FreeBsdAbi => null,
            1 => "HP-UX",
            2 => "NetBSD",
            6 => "Solaris",
            12 => "OpenBSD",
            _ => $"OS ABI {osAbi}",
        };
        if (name is not null) throw CrossdockException.ForFile(path, $"is an ELF program for {name}, not Linux or FreeBSD");
    }
}
