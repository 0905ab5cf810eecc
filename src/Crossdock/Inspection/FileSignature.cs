using System.Buffers.Binary;
using System.Text;

namespace Crossdock.Inspection;

internal enum FileKind
{
    Unknown,
    Elf,
    MachO,
    FatMachO,
    Pe,
}

/// <summary>Recognises a binary format from its first bytes, and describes files that are none of them.</summary>
internal static class FileSignature
{
    public static FileKind Identify(ReadOnlySpan<byte> magic, Stream stream)
    {
        if (magic.Length >= 4 && magic[0] == 0x7f && magic[1] == (byte)'E' && magic[2] == (byte)'L' && magic[3] == (byte)'F') return FileKind.Elf;
        if (magic.Length >= 2 && magic[0] == (byte)'M' && magic[1] == (byte)'Z') return FileKind.Pe;
        if (magic.Length < 4) return FileKind.Unknown;

        var little = BinaryPrimitives.ReadUInt32LittleEndian(magic);
        if (little is MachOConstants.MagicThin32 or MachOConstants.MagicThin64 or MachOConstants.CigamThin32 or MachOConstants.CigamThin64) return FileKind.MachO;

        var big = BinaryPrimitives.ReadUInt32BigEndian(magic);
        if (big is MachOConstants.FatMagic32 or MachOConstants.FatMagic64 && LooksLikeFatHeader(stream)) return FileKind.FatMachO;
        return FileKind.Unknown;
    }

    /// <summary>
    /// 0xCAFEBABE also starts Java class files; there the next word is the class-file version (≥ 45),
    /// while a fat Mach-O holds a small slice count. This is the test <c>file(1)</c> uses.
    /// </summary>
    private static bool LooksLikeFatHeader(Stream stream)
    {
        Span<byte> header = stackalloc byte[8];
        stream.Position = 0;
        var read = stream.ReadAtLeast(header, 8, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 8 && BinaryPrimitives.ReadUInt32BigEndian(header[4..]) is > 0 and < 45;
    }

    /// <summary>A one-phrase reason for a file that is not a binary crossdock reads.</summary>
    public static string DescribeUnknown(Stream stream)
    {
        var sample = new byte[(int)Math.Min(512, stream.Length)];
        stream.Position = 0;
        stream.ReadExactly(sample);
        if (sample.AsSpan().StartsWith("#!"u8))
        {
            // The first line only, cut at 80 characters (ForFile shows control characters as '?'; found by fuzzing).
            var line = new string([.. Encoding.UTF8.GetString(sample).Split('\n', '\r')[0].Take(80)]);
            return $"is a script ({line}), not a native binary";
        }
        if (LooksLikeText(sample)) return "is a text file, not a native binary (ELF, Mach-O or PE)";
        return $"is not a native binary: unknown format (starts with {Convert.ToHexString(sample.AsSpan(0, Math.Min(4, sample.Length))).ToLowerInvariant()})";
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> sample)
    {
        foreach (var b in sample)
        {
            if (b == 0 || (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0c)) return false;
        }
        return true;
    }
}
