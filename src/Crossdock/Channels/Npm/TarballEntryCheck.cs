using System.Formats.Tar;
using Crossdock.Core.Archives;

namespace Crossdock.Channels.Npm;

/// <summary>
/// What an entry of a package tarball may be, decided from its tar header alone (never its data, which may be
/// gigabytes): a regular file or folder under <c>package/</c>, with a path that cannot escape the package when
/// extracted. Links, devices and FIFOs are refused: npm would create them on users' disks.
/// </summary>
internal static class TarballEntryCheck
{
    public static string? Problem(TarEntry entry)
    {
        var name = entry.Name;
        if (ArchivePaths.EscapeProblem(name) is { } escape) return $"entry {name} {escape}";
        if (!name.StartsWith(NpmPackageLayout.Root, StringComparison.Ordinal)) return $"entry {name} is not under package/";
        return entry.EntryType switch
        {
            TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.Directory => null,
            TarEntryType.SymbolicLink => $"entry {name} is a symbolic link (to {entry.LinkName}), not a file",
            TarEntryType.HardLink => $"entry {name} is a hard link (to {entry.LinkName}), not a file",
            TarEntryType.CharacterDevice or TarEntryType.BlockDevice => $"entry {name} is a device ({entry.EntryType}), not a file",
            TarEntryType.Fifo => $"entry {name} is a FIFO, not a file",
            _ => $"entry {name} is a {entry.EntryType}, not a file",
        };
    }

    /// <summary>One line for a file crossdock does not write, with its size from the header: an extra 2 GB file is a problem, not a pass.</summary>
    public static string Unexpected(string name, long size, IEnumerable<string> expected) =>
        $"package/{name} ({size} bytes) is not a file crossdock writes; the package holds only {string.Join(", ", expected)}";
}
