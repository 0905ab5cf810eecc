using Crossdock.Core;

namespace Crossdock.Inspection;

/// <summary>
/// Tells what a native binary is from its headers alone; it never executes the file and reads only
/// what it needs (headers, a few small sections), so a 100 MB binary costs a few kilobytes of reads.
/// </summary>
public static class BinaryInspector
{
    /// <summary>Inspects one file; throws <see cref="CrossdockException"/> naming the file on bad input.</summary>
    public static BinaryInspection Inspect(string path)
    {
        if (Directory.Exists(path)) throw CrossdockException.ForFile(path, "is a directory, not a binary");
        if (!File.Exists(path)) throw CrossdockException.ForFile(path, "no such file");

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.RandomAccess);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CrossdockException.ForFile(path, $"cannot be read: {e.Message}");
        }

        using (stream)
        {
            Span<byte> magic = stackalloc byte[4];
            var read = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
            if (read == 0) throw CrossdockException.ForFile(path, "is empty, not a binary");
            stream.Position = 0;
            try
            {
                return FileSignature.Identify(magic[..read], stream) switch
                {
                    FileKind.Elf => ElfInspector.Inspect(path, stream),
                    FileKind.MachO => MachOInspector.Inspect(path, stream),
                    FileKind.FatMachO => MachOInspector.InspectFat(path, stream),
                    FileKind.Pe => PeInspector.Inspect(path, stream),
                    _ => throw CrossdockException.ForFile(path, FileSignature.DescribeUnknown(stream)),
                };
            }
            catch (EndOfStreamException)
            {
                throw CrossdockException.ForFile(path, "truncated: the headers end before the file does");
            }
        }
    }
}
