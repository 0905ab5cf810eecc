using System.Text;

namespace Crossdock.Core.Archives;

/// <summary>
/// One 512-byte POSIX ustar header, as npm's tar writes them for a package: regular file, uid/gid 0, empty
/// user and group names, one fixed mtime. Hand-written because System.Formats.Tar only writes a header
/// together with the entry's data, and crossdock splices the binary's already-compressed data after it.
/// </summary>
public static class UstarHeader
{
    public const int BlockSize = 512;

    public static byte[] Create(string name, long size, int mode, long mtimeSeconds)
    {
        var header = new byte[BlockSize];
        var (prefix, shortName) = SplitName(name);
        Text(header, 0, 100, shortName);
        Octal(header, 100, 8, mode);
        Octal(header, 108, 8, 0); // uid
        Octal(header, 116, 8, 0); // gid
        Octal(header, 124, 12, size);
        Octal(header, 136, 12, mtimeSeconds);
        header.AsSpan(148, 8).Fill((byte)' '); // checksum is computed with its own field as spaces
        header[156] = (byte)'0'; // regular file
        Text(header, 257, 6, "ustar\0");
        Text(header, 263, 2, "00");
        Text(header, 345, 155, prefix);

        var checksum = 0;
        foreach (var b in header) checksum += b;
        Text(header, 148, 8, Convert.ToString(checksum, 8).PadLeft(6, '0') + "\0 ");
        return header;
    }

    /// <summary>Bytes of zero padding after <paramref name="size"/> bytes of data, up to the next block.</summary>
    public static int Padding(long size) => (int)((BlockSize - (size % BlockSize)) % BlockSize);

    /// <summary>Names over 100 bytes go into the 155-byte prefix field, split at a '/'.</summary>
    private static (string Prefix, string Name) SplitName(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= 100) return ("", name);
        for (var slash = name.IndexOf('/'); slash >= 0; slash = name.IndexOf('/', slash + 1))
        {
            var prefix = name[..slash];
            var rest = name[(slash + 1)..];
            if (Encoding.UTF8.GetByteCount(prefix) <= 155 && Encoding.UTF8.GetByteCount(rest) <= 100) return (prefix, rest);
        }
        throw CrossdockException.ForFile(name, "path too long for a tar entry");
    }

    private static void Text(byte[] header, int offset, int length, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length > length) throw new InvalidOperationException($"'{value}' does not fit a {length}-byte tar field");
        bytes.CopyTo(header, offset);
    }

    /// <summary>A zero-padded octal number followed by NUL, filling the field.</summary>
    private static void Octal(byte[] header, int offset, int length, long value)
    {
        var digits = Convert.ToString(value, 8).PadLeft(length - 1, '0');
        if (digits.Length > length - 1) throw new CrossdockException($"value {value} is too large for a tar header (files over 8 GiB are not supported)");
        Text(header, offset, length, digits + "\0");
    }
}
