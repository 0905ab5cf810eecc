using System.Buffers.Binary;

namespace Crossdock.Channels.GitHub;

/// <summary>
/// Whether an ELF file names a program interpreter (PT_INTERP), read from its first bytes only: the program
/// headers sit right after the ELF header, so the start of an archive entry tells whether the program is static
/// without unpacking all of it.
/// </summary>
public static class ElfInterpreter
{
    private const uint PtInterp = 3;

    /// <summary>true: dynamically linked; false: no interpreter (static); null: not ELF, or the headers lie past <paramref name="head"/>.</summary>
    public static bool? HasInterpreter(ReadOnlySpan<byte> head)
    {
        if (head.Length < 52 || !head[..4].SequenceEqual("\u007fELF"u8)) return null;
        var is64 = head[4] == 2;
        var little = head[5] == 1;
        if (is64 && head.Length < 64) return null;
        var phoff = is64 ? Read(head, 0x20, 8, little) : Read(head, 0x1C, 4, little);
        var phentsize = (int)Read(head, is64 ? 0x36 : 0x2A, 2, little);
        var phnum = (int)Read(head, is64 ? 0x38 : 0x2C, 2, little);
        if (phentsize < 4 || phoff + (ulong)(phentsize * phnum) > (ulong)head.Length) return null;
        for (var i = 0; i < phnum; i++)
        {
            if (Read(head, (int)phoff + i * phentsize, 4, little) == PtInterp) return true;
        }
        return false;
    }

    private static ulong Read(ReadOnlySpan<byte> bytes, int offset, int size, bool little) => size switch
    {
        2 => little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]) : BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]),
        4 => little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]) : BinaryPrimitives.ReadUInt32BigEndian(bytes[offset..]),
        _ => little ? BinaryPrimitives.ReadUInt64LittleEndian(bytes[offset..]) : BinaryPrimitives.ReadUInt64BigEndian(bytes[offset..]),
    };
}
