namespace Crossdock.Core.Files;

/// <summary>
/// Files written under temporary names in their final folder (so the rename is atomic on the same file system)
/// and published together by <see cref="Commit"/>. Disposing without committing removes every temporary file,
/// and any folder this instance created, so a failed run leaves the output as it found it.
/// </summary>
public sealed class StagedFiles : IDisposable
{
    private readonly List<(string Temporary, string Final)> _files = [];
    private readonly List<string> _createdFolders = [];
    private bool _committed;

    public StagedFiles(params string[] folders)
    {
        foreach (var folder in folders.Select(Path.GetFullPath))
        {
            if (Directory.Exists(folder)) continue;
            // Record each missing ancestor too, deepest last, so cleanup can remove exactly what was created.
            var missing = new Stack<string>();
            for (var dir = folder; !Directory.Exists(dir); dir = Path.GetDirectoryName(dir)!) missing.Push(dir);
            Directory.CreateDirectory(folder);
            _createdFolders.AddRange(missing);
        }
    }

    /// <summary>
    /// The finished files in <paramref name="folder"/> matching <paramref name="pattern"/>, in name order: what readers
    /// (assemble, verify, publish) take, leaving out the dot-named temporaries of a run that is still writing.
    /// </summary>
    public static IEnumerable<string> Finished(string folder, string pattern) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, pattern).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)
            : [];

    /// <summary>A temporary path beside <paramref name="finalPath"/>; the file appears under its real name on commit.</summary>
    public string Reserve(string finalPath)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.{Environment.ProcessId}.{_files.Count}.tmp");
        lock (_files) _files.Add((temporary, finalPath));
        return temporary;
    }

    public void Commit()
    {
        foreach (var (temporary, final) in _files) File.Move(temporary, final, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        foreach (var (temporary, _) in _files)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // Still open elsewhere; nothing more can be done, and the name marks it as temporary.
            }
        }
        foreach (var folder in Enumerable.Reverse(_createdFolders))
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        }
    }
}
