using System.Collections.Immutable;
using System.Text;
using Crossdock.Core;
using Crossdock.Core.Targets;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;
using ELFSharp.ELF.Segments;

namespace Crossdock.Inspection;

/// <summary>
/// Reads a Linux or FreeBSD ELF program with ELFSharp (header, program headers, dynamic section) and decides
/// its libc from layered evidence: PT_INTERP, DT_NEEDED, GLIBC symbol versions, then markers in the file.
/// </summary>
internal static class ElfInspector
{
    private const uint ShtGnuVerneed = 0x6ffffffe;

    public static BinaryInspection Inspect(string path, FileStream stream)
    {
        ElfHeaderCheck.Validate(path, stream);
        ElfLayoutCheck.Validate(path, stream);

        IELF elf;
        try
        {
            if (!ELFReader.TryLoad(stream, shouldOwnStream: false, out elf)) throw CrossdockException.ForFile(path, "malformed ELF header");
        }
        catch (Exception e) when (e is not CrossdockException)
        {
            // ElfLayoutCheck has checked what ELFSharp trusts; this is the net for what it did not foresee.
            throw CrossdockException.ForFile(path, "malformed ELF file: its header tables cannot be read", e);
        }

        using (elf)
        {
            try
            {
                return Read(path, stream, elf);
            }
            catch (InvalidDataException e)
            {
                throw CrossdockException.ForFile(path, $"malformed ELF file: {e.Message}", e);
            }
            catch (Exception e) when (e is not CrossdockException)
            {
                throw CrossdockException.ForFile(path, "malformed ELF file: its sections or segments cannot be read", e);
            }
        }
    }

    private static BinaryInspection Read(string path, FileStream stream, IELF elf)
    {
        if (elf.Type is not (ELFSharp.ELF.FileType.Executable or ELFSharp.ELF.FileType.SharedObject))
        {
            throw CrossdockException.ForFile(path, $"is an ELF {DescribeType(elf.Type)}, not a linked program");
        }
        var arch = ArchOf(path, elf);

        var interpreter = elf.Segments.Where(s => s.Type == SegmentType.Interpreter)
            .Select(s => Encoding.ASCII.GetString(s.GetFileContents()).TrimEnd('\0'))
            .FirstOrDefault();
        var dynamicStrings = elf.TryGetSection(".dynstr", out var dynstr) ? dynstr as IStringTable : null;
        var needed = NeededLibraries(elf, dynamicStrings);
        var versionNeeds = elf.Sections.Where(s => (uint)s.Type == ShtGnuVerneed)
            .SelectMany(s => GnuVersionNeeds.Parse(s.GetContents(), elf.Endianess == ELFSharp.Endianess.BigEndian, dynamicStrings))
            .ToImmutableArray();

        var glibc = versionNeeds
            .Where(v => v.Version.StartsWith("GLIBC_", StringComparison.Ordinal))
            .Select(v => GlibcVersion.TryParse(v.Version["GLIBC_".Length..], out var g) ? g : (GlibcVersion?)null)
            .Where(g => g is not null)
            .Max();

        var isStatic = interpreter is null && needed.IsEmpty;
        var os = ElfOperatingSystem.Decide(stream, elf);
        // FreeBSD's libc is part of the OS (libc.so.7 on every FreeBSD): there is no libc choice to record.
        Libc? libc = null;
        if (os == OperatingSystemFamily.Linux)
        {
            libc = LibcFromDynamicEvidence(interpreter, needed, glibc);
            // A static program with neither glibc's nor musl's marks needs no libc: it maps to the -linux-none target.
            if (libc is null && isStatic) libc = StaticLibcEvidence.Decide(elf.TryGetSection(".note.ABI-tag", out _), stream);
        }

        return new BinaryInspection(
            path,
            BinaryFormat.Elf,
            os,
            arch,
            libc,
            isStatic,
            libc == Libc.Gnu ? glibc : null,
            [.. versionNeeds.Select(v => v.Version).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            needed,
            MinimumMacos: null,
            Slices: [],
            Warnings: []);
    }

    private static string DescribeType(ELFSharp.ELF.FileType type) => type switch
    {
        ELFSharp.ELF.FileType.Relocatable => "relocatable object (.o)",
        ELFSharp.ELF.FileType.Core => "core dump",
        _ => $"file of type {(ushort)type}",
    };

    private static CpuArchitecture ArchOf(string path, IELF elf)
    {
        var machine = (int)elf.Machine;
        var bits = elf.Class == Class.Bit64 ? 64 : 32;
        var little = elf.Endianess == ELFSharp.Endianess.LittleEndian;
        CpuArchitecture? arch = (machine, bits) switch
        {
            (62, 64) => CpuArchitecture.X86_64,
            (183, 64) => CpuArchitecture.Aarch64,
            (3, 32) => CpuArchitecture.I686,
            (40, 32) => CpuArchitecture.Armv7,
            (243, 64) => CpuArchitecture.Riscv64,
            (21, 64) when little => CpuArchitecture.Ppc64le,
            (22, 64) => CpuArchitecture.S390x,
            _ => null,
        };
        return arch ?? throw CrossdockException.ForFile(path,
            $"unsupported machine type: {bits}-bit ELF e_machine {machine} ({elf.Machine}); supported: {string.Join(", ", CpuArchitecture.All.Select(a => a.Name))}");
    }

    private static ImmutableArray<string> NeededLibraries(IELF elf, IStringTable? strings)
    {
        if (strings is null) return [];
        return
        [
            .. elf.Sections.OfType<IDynamicSection>()
                .SelectMany(d => d.Entries)
                .Where(e => e.Tag == DynamicTag.Needed)
                .Select(e => GnuVersionNeeds.StringAt(strings, DynamicValue(e), "a DT_NEEDED entry")),
        ];
    }

    private static long DynamicValue(IDynamicEntry entry) => entry switch
    {
        DynamicEntry<ulong> e64 => e64.Value <= long.MaxValue ? (long)e64.Value : throw new InvalidDataException($"dynamic entry value {e64.Value} is not a string offset"),
        DynamicEntry<uint> e32 => e32.Value,
        _ => throw new InvalidDataException("unexpected dynamic entry width"),
    };

    /// <summary>The interpreter and libraries name the libc of every dynamically linked program.</summary>
    private static Libc? LibcFromDynamicEvidence(string? interpreter, ImmutableArray<string> needed, GlibcVersion? glibc)
    {
        if (interpreter is not null)
        {
            var name = System.IO.Path.GetFileName(interpreter);
            if (name.StartsWith("ld-musl-", StringComparison.Ordinal)) return Libc.Musl;
            if (name.StartsWith("ld-linux", StringComparison.Ordinal) || name.StartsWith("ld64.so", StringComparison.Ordinal) || name.StartsWith("ld.so", StringComparison.Ordinal)) return Libc.Gnu;
        }
        if (needed.Any(n => n.StartsWith("libc.musl-", StringComparison.Ordinal) || n == "libc.so")) return Libc.Musl;
        if (glibc is not null || needed.Contains("libc.so.6")) return Libc.Gnu;
        return null;
    }
}
