using System.Collections.Immutable;
using System.Reflection.PortableExecutable;
using Crossdock.Core;
using Crossdock.Core.Targets;

namespace Crossdock.Inspection;

/// <summary>Reads a Windows PE's COFF header with System.Reflection.PortableExecutable.</summary>
internal static class PeInspector
{
    public static BinaryInspection Inspect(string path, FileStream stream)
    {
        PEHeaders headers;
        try
        {
            headers = new PEHeaders(stream);
        }
        catch (BadImageFormatException e)
        {
            throw CrossdockException.ForFile(path, $"malformed or truncated PE file: {e.Message}");
        }
        var machine = headers.CoffHeader.Machine;
        var arch = machine switch
        {
            Machine.Amd64 => CpuArchitecture.X86_64,
            Machine.Arm64 => CpuArchitecture.Aarch64,
            Machine.I386 => CpuArchitecture.I686,
            _ => throw CrossdockException.ForFile(path, $"unsupported PE machine type 0x{(ushort)machine:x4}"),
        };
        if (headers.PEHeader is null) throw CrossdockException.ForFile(path, "is a COFF object without a PE optional header, not a program");

        var warnings = ImmutableArray.CreateBuilder<string>();
        if (headers.IsDll) warnings.Add("is a DLL, not an executable: users cannot run it as a command");
        if (headers.PEHeader.Subsystem == Subsystem.WindowsGui)
        {
            warnings.Add("uses the Windows GUI subsystem: launched from a console it returns at once and prints nothing");
        }
        return new BinaryInspection(path, BinaryFormat.Pe, OperatingSystemFamily.Windows, arch,
            Libc: null, IsStatic: null, GlibcRequirement: null, SymbolVersionNeeds: [], NeededLibraries: [],
            MinimumMacos: null, Slices: [], warnings.ToImmutable());
    }
}
