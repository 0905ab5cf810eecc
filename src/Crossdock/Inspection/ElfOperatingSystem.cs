using Crossdock.Core.Targets;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;
using ELFSharp.ELF.Segments;

namespace Crossdock.Inspection;

/// <summary>
/// Tells a FreeBSD ELF program from a Linux one. FreeBSD brands its programs with EI_OSABI 9 (so do Go and
/// <c>ld.lld -m elf_x86_64_fbsd</c>); a program linked with OSABI 0 still carries FreeBSD's ABI note
/// (<c>.note.tag</c>, owner "FreeBSD"), which FreeBSD's kernel also accepts as the brand. Anything else is Linux.
/// </summary>
internal static class ElfOperatingSystem
{
    private const int OsAbiOffset = 7;
    private const string FreeBsdNoteOwner = "FreeBSD";

    public static OperatingSystemFamily Decide(Stream stream, IELF elf)
    {
        stream.Position = OsAbiOffset;
        var osAbi = stream.ReadByte();
        stream.Position = 0;
        if (osAbi == ElfHeaderCheck.FreeBsdAbi || HasFreeBsdNote(elf)) return OperatingSystemFamily.FreeBsd;
        return OperatingSystemFamily.Linux;
    }

    /// <summary>The note in a section (<c>.note.tag</c>) or, for a file without section headers, in a PT_NOTE segment.</summary>
    private static bool HasFreeBsdNote(IELF elf) =>
        elf.Sections.OfType<INoteSection>().Any(n => n.NoteName == FreeBsdNoteOwner)
        || elf.Segments.OfType<INoteSegment>().Any(n => n.NoteName == FreeBsdNoteOwner);
}
