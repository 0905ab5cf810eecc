using System.Buffers.Binary;
using ELFSharp.ELF.Sections;

namespace Crossdock.Inspection;

/// <summary>One versioned-symbol requirement: a library and a version name such as GLIBC_2.17.</summary>
public sealed record VersionNeed(string Library, string Version);

/// <summary>
/// Parses the GNU version-needs section (<c>.gnu.version_r</c>, SHT_GNU_verneed), the table auditwheel reads
/// to find the newest glibc a program needs. ELFSharp exposes the section bytes but not this structure.
/// Layout (same for 32- and 64-bit): Elf_Verneed {u16 version, u16 cnt, u32 file, u32 aux, u32 next};
/// Elf_Vernaux {u32 hash, u16 flags, u16 other, u32 name, u32 next}. Every offset is bounds-checked.
/// </summary>
internal static class GnuVersionNeeds
{
    private const int EntrySize = 16;
    private const int MaxEntries = 100_000;

    public static List<VersionNeed> Parse(byte[] section, bool bigEndian, IStringTable? strings)
    {
        var needs = new List<VersionNeed>();
        if (strings is null) return needs;
        var offset = 0L;
        for (var guard = 0; guard < MaxEntries; guard++)
        {
            var need = Slice(section, offset);
            var count = U16(need[2..], bigEndian);
            var library = StringAt(strings, U32(need[4..], bigEndian), $"version-needs entry at offset {offset}");
            var auxOffset = offset + U32(need[8..], bigEndian);
            for (var i = 0; i < count; i++)
            {
                var aux = Slice(section, auxOffset);
                needs.Add(new VersionNeed(library, StringAt(strings, U32(aux[8..], bigEndian), $"version-needs entry at offset {auxOffset}")));
                var nextAux = U32(aux[12..], bigEndian);
                if (nextAux == 0) break;
                auxOffset += nextAux;
            }
            var next = U32(need[12..], bigEndian);
            if (next == 0) return needs;
            offset += next;
        }
        throw new InvalidDataException("version-needs table does not end");
    }

    /// <summary>A string of .dynstr; an offset outside it is malformed input, said in words (ELFSharp throws IndexOutOfRange).</summary>
    public static string StringAt(IStringTable strings, long offset, string user)
    {
        try
        {
            return strings[offset];
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException)
        {
            throw new InvalidDataException($"{user} names string offset {offset}, outside .dynstr", e);
        }
    }

    private static ReadOnlySpan<byte> Slice(byte[] section, long offset) =>
        offset >= 0 && offset + EntrySize <= section.Length
            ? section.AsSpan((int)offset, EntrySize)
            : throw new InvalidDataException($"version-needs entry at offset {offset} is outside the section");

    private static ushort U16(ReadOnlySpan<byte> b, bool big) => big ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);

    private static uint U32(ReadOnlySpan<byte> b, bool big) => big ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);
}
