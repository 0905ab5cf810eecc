namespace Crossdock.Fuzz.Targets;

/// <summary>
/// A private folder for one fuzzing process (in /dev/shm when there is one, so a run costs no disk writes),
/// emptied before every input so no run sees another's files.
/// </summary>
public sealed class FuzzScratch : IDisposable
{
    public FuzzScratch()
    {
        var parent = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        Root = Path.Combine(parent, $"crossdock-fuzz-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Empties the folder before the next input.</summary>
    public void Reset()
    {
        foreach (var entry in new DirectoryInfo(Root).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory) directory.Delete(recursive: true);
            else entry.Delete();
        }
    }

    public string Write(string name, ReadOnlySpan<byte> bytes)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path)) file.Write(bytes);
        return path;
    }

    public string Folder(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a folder in /dev/shm or /tmp is cleaned by the system anyway
        }
    }
}
