using System.Buffers.Binary;
using Crossdock.Core;

namespace Crossdock.Inspection;

/// <summary>
/// Checks, before ELFSharp reads them, every number ELFSharp trusts when it loads a file: the section and program
/// header tables, each section's and segment's place in the file, the name tables sections and symbols index,
/// and the notes it parses eagerly. ELFSharp reports a broken file with whatever exception its reads hit
/// (IndexOutOfRange, EndOfStream, InvalidCast...), and can be made to allocate a section's claimed size; this
/// says what is wrong instead, with the number and the offset. Found by fuzzing (scripts/fuzz.sh elf).
/// </summary>
internal static class ElfLayoutCheck
{
    private const uint ShtSymtab = 2;
    private const uint ShtStrtab = 3;
    private const uint ShtNote = 7;
    private const uint ShtNobits = 8;
    private const uint ShtDynsym = 11;
    private const uint PtNote = 4;
    private const int MaxNameTableBytes = 16 << 20;

    private sealed record SectionHeader(int Index, uint Name, uint Type, ulong Offset, ulong Size);

    public static void Validate(string path, Stream stream)
    {
        var length = (ulong)stream.Length;
        var ident = Read(path, stream, 0, 16, "ELF identification");
        var is64 = ident[4] == 2;
        var header = Read(path, stream, 0, is64 ? 64 : 52, "ELF header");
        var big = header[5] == 2;
        var reader = new FieldReader(big);

        var version = reader.U32(header.AsSpan(20));
        if (version != 1) throw Fail(path, $"unknown ELF version {version} (e_version must be 1)");

        var phoff = is64 ? reader.U64(header.AsSpan(32)) : reader.U32(header.AsSpan(28));
        var shoff = is64 ? reader.U64(header.AsSpan(40)) : reader.U32(header.AsSpan(32));
        var phentsize = reader.U16(header.AsSpan(is64 ? 54 : 42));
        var phnum = reader.U16(header.AsSpan(is64 ? 56 : 44));
        var shentsize = reader.U16(header.AsSpan(is64 ? 58 : 46));
        var shnum = reader.U16(header.AsSpan(is64 ? 60 : 48));
        var shstrndx = reader.U16(header.AsSpan(is64 ? 62 : 50));

        int programEntry = is64 ? 56 : 32, sectionEntry = is64 ? 64 : 40;
        if (phnum > 0 && phentsize != programEntry) throw Fail(path, $"program header entries are {phentsize} bytes (e_phentsize), not {programEntry}");
        CheckSegments(path, stream, reader, is64, phoff, phnum, length);

        // Extended numbering (as ELFSharp reads it): e_shnum 0 means section 0's sh_size holds the count, and
        // e_shstrndx 0xffff means its sh_link holds the name table's index. ELFSharp reads that section 0 at e_shoff
        // whatever e_shoff is, so this does too.
        long sectionCount = shnum;
        long nameTableIndex = shstrndx;
        if (shnum == 0)
        {
            var first = Read(path, stream, shoff, sectionEntry, "section header 0 (e_shnum 0: extended numbering)");
            var count = is64 ? reader.U64(first.AsSpan(32)) : reader.U32(first.AsSpan(20));
            if (count > uint.MaxValue) throw Fail(path, $"section 0 gives a section count of {count} (extended numbering), more than 32 bits");
            sectionCount = (long)count;
            if (shstrndx == 0xffff) nameTableIndex = reader.U32(first.AsSpan(is64 ? 40 : 24));
        }
        if (sectionCount > 0 && shentsize != sectionEntry) throw Fail(path, $"section header entries are {shentsize} bytes (e_shentsize), not {sectionEntry}");
        if (sectionCount * sectionEntry > (long)Math.Min(length, int.MaxValue))
        {
            throw Fail(path, $"truncated: {sectionCount} section headers of {sectionEntry} bytes do not fit in the file's {length} bytes");
        }

        var sections = ReadSections(path, stream, reader, is64, shoff, (int)sectionCount, length);
        if (nameTableIndex == 0) return;
        if (shoff == 0) throw Fail(path, $"a section name table index {nameTableIndex} (e_shstrndx) is set, but there is no section header table (e_shoff 0)");
        if (nameTableIndex >= sectionCount) throw Fail(path, $"section name table index {nameTableIndex} (e_shstrndx) is not one of the {sectionCount} sections");
        var shstrndx32 = (int)nameTableIndex;
        var nameTable = sections[shstrndx32];
        if (nameTable.Type != ShtStrtab) throw Fail(path, $"section {shstrndx32}, the section name table (e_shstrndx), is not a string table (type {nameTable.Type})");
        var names = ReadStringTable(path, stream, nameTable, "section name table");
        foreach (var section in sections)
        {
            if (section.Name >= (ulong)names.Length && !(section.Name == 0 && names.Length == 0))
            {
                throw Fail(path, $"section {section.Index}'s name offset {section.Name} is outside the section name table ({names.Length} bytes)");
            }
        }

        // ELFSharp finds the symbol string tables by name and casts them to string tables.
        var byName = sections.GroupBy(s => NameAt(names, s.Name)).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        var strtab = StringTableNamed(path, stream, byName, ".strtab");
        var dynstr = StringTableNamed(path, stream, byName, ".dynstr");
        foreach (var section in sections)
        {
            switch (section.Type)
            {
                case ShtSymtab:
                    CheckSymbols(path, stream, reader, section, strtab, is64);
                    break;
                case ShtDynsym:
                    CheckSymbols(path, stream, reader, section, dynstr, is64);
                    break;
                case ShtNote:
                    CheckNote(path, stream, reader, section.Offset, $"note section {section.Index}");
                    break;
            }
        }
    }

    private static void CheckSegments(string path, Stream stream, FieldReader reader, bool is64, ulong offset, int count, ulong length)
    {
        if (count == 0) return;
        var table = Read(path, stream, offset, count * (is64 ? 56 : 32), "program header table");
        for (var i = 0; i < count; i++)
        {
            var entry = table.AsSpan(i * (is64 ? 56 : 32));
            var type = reader.U32(entry);
            var fileOffset = is64 ? reader.U64(entry[8..]) : reader.U32(entry[4..]);
            var fileSize = is64 ? reader.U64(entry[32..]) : reader.U32(entry[16..]);
            if (type == PtNote) CheckNote(path, stream, reader, fileOffset, $"note segment {i}");
            if (fileSize == 0) continue; // PT_GNU_STACK and friends: nothing in the file to read
            if (fileSize > int.MaxValue || fileOffset > length || fileSize > length - fileOffset)
            {
                throw Fail(path, $"truncated: segment {i} (offset {fileOffset}, {fileSize} bytes) ends beyond the file's {length} bytes");
            }
        }
    }

    private static List<SectionHeader> ReadSections(string path, Stream stream, FieldReader reader, bool is64, ulong offset, int count, ulong length)
    {
        var sections = new List<SectionHeader>(count);
        if (count == 0) return sections;
        var size = is64 ? 64 : 40;
        var table = Read(path, stream, offset, count * size, "section header table");
        for (var i = 0; i < count; i++)
        {
            var entry = table.AsSpan(i * size);
            var section = new SectionHeader(i, reader.U32(entry), reader.U32(entry[4..]),
                is64 ? reader.U64(entry[24..]) : reader.U32(entry[16..]),
                is64 ? reader.U64(entry[32..]) : reader.U32(entry[20..]));
            if (section.Type is not (0 or ShtNobits) && (section.Size > int.MaxValue || section.Offset > length || section.Size > length - section.Offset))
            {
                throw Fail(path, $"truncated: section {i} (offset {section.Offset}, {section.Size} bytes) ends beyond the file's {length} bytes");
            }
            sections.Add(section);
        }
        return sections;
    }

    private static byte[]? StringTableNamed(string path, Stream stream, Dictionary<string, SectionHeader> byName, string name)
    {
        if (!byName.TryGetValue(name, out var section)) return null;
        if (section.Type != ShtStrtab) throw Fail(path, $"section {section.Index} is named {name} but is not a string table (type {section.Type})");
        return ReadStringTable(path, stream, section, name);
    }

    private static byte[] ReadStringTable(string path, Stream stream, SectionHeader section, string what)
    {
        if (section.Size > MaxNameTableBytes) throw Fail(path, $"{what} (section {section.Index}) is {section.Size} bytes, more than the {MaxNameTableBytes} crossdock reads");
        var bytes = Read(path, stream, section.Offset, (int)section.Size, what);
        if (bytes.Length > 0 && bytes[^1] != 0) throw Fail(path, $"{what} (section {section.Index}) does not end with a NUL byte");
        return bytes;
    }

    private static string NameAt(byte[] table, uint offset)
    {
        if (offset >= table.Length) return "";
        var end = Array.IndexOf(table, (byte)0, (int)offset);
        return System.Text.Encoding.UTF8.GetString(table, (int)offset, end - (int)offset);
    }

    /// <summary>Every symbol's name must lie inside the string table ELFSharp will look it up in (read in chunks, not whole).</summary>
    private static void CheckSymbols(string path, Stream stream, FieldReader reader, SectionHeader section, byte[]? names, bool is64)
    {
        var entrySize = is64 ? 24 : 16;
        if (section.Size % (ulong)entrySize != 0) throw Fail(path, $"symbol table (section {section.Index}) is {section.Size} bytes, not a whole number of {entrySize}-byte entries");
        if (names is null) return; // ELFSharp names such symbols "<corrupt>"
        var chunk = new byte[entrySize * 4096];
        for (ulong done = 0; done < section.Size;)
        {
            var count = (int)Math.Min((ulong)chunk.Length, section.Size - done);
            var bytes = Read(path, stream, section.Offset + done, count, "symbol table", chunk);
            for (var at = 0; at < count; at += entrySize)
            {
                var name = reader.U32(bytes.AsSpan(at));
                if (name != 0 && name >= names.Length)
                {
                    throw Fail(path, $"symbol {(done + (ulong)at) / (ulong)entrySize} in section {section.Index} has name offset {name}, outside its string table ({names.Length} bytes)");
                }
            }
            done += (ulong)count;
        }
    }

    /// <summary>
    /// ELFSharp reads one note at the start of every note section and note segment, whatever its size: a 12-byte
    /// header (namesz, descsz, type) that must be in the file, with sizes it reads as 32-bit signed numbers and
    /// rounds up to 4 (the name and description themselves only when they fit the section).
    /// </summary>
    private static void CheckNote(string path, Stream stream, FieldReader reader, ulong offset, string what)
    {
        var header = Read(path, stream, offset, 12, $"note header of {what}");
        var nameSize = reader.U32(header);
        var descriptionSize = reader.U32(header.AsSpan(4));
        if (nameSize > int.MaxValue - 3 || descriptionSize > int.MaxValue - 3)
        {
            throw Fail(path, $"{what}: the note at byte {offset} claims a {nameSize}-byte name and a {descriptionSize}-byte description");
        }
    }

    private static byte[] Read(string path, Stream stream, ulong offset, int count, string what, byte[]? buffer = null)
    {
        if (offset > (ulong)stream.Length || (ulong)count > (ulong)stream.Length - offset)
        {
            throw Fail(path, $"truncated: the {what} at byte {offset} ({count} bytes) ends beyond the file's {stream.Length} bytes");
        }
        buffer ??= new byte[count];
        stream.Position = (long)offset;
        stream.ReadExactly(buffer, 0, count);
        stream.Position = 0;
        return buffer;
    }

    private static CrossdockException Fail(string path, string reason) => CrossdockException.ForFile(path, $"malformed ELF file: {reason}");

    private readonly struct FieldReader(bool big)
    {
        public ushort U16(ReadOnlySpan<byte> b) => big ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);

        public uint U32(ReadOnlySpan<byte> b) => big ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);

        public ulong U64(ReadOnlySpan<byte> b) => big ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b);
    }
}
