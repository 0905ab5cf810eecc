using System.Collections.Immutable;
using Crossdock.Core;
using Crossdock.Plan;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// <c>[pypi] python-source</c>: the project's own Python code shipped beside the executable, as maturin's
/// python-source does for <c>bindings = "bin"</c>: every package (a folder with <c>__init__.py</c>) and module
/// (<c>.py</c>, <c>.pyi</c>) at the top of the folder, with everything inside the packages (py.typed, data files),
/// but never byte-code caches or hidden files.
/// </summary>
public static class PythonSource
{
    /// <summary>The files to ship, by their path inside the wheel (relative to the folder), in path order.</summary>
    public static ImmutableArray<PlannedCopy> Files(string folder)
    {
        var files = new List<PlannedCopy>();
        foreach (var directory in Directory.EnumerateDirectories(folder).Where(d => File.Exists(Path.Combine(d, "__init__.py"))))
        {
            files.AddRange(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(f => Shipped(Path.GetRelativePath(folder, f)))
                .Select(f => Copy(folder, f)));
        }
        files.AddRange(Directory.EnumerateFiles(folder)
            .Where(f => Path.GetExtension(f) is ".py" or ".pyi" && Shipped(Path.GetFileName(f)))
            .Select(f => Copy(folder, f)));
        return [.. files.OrderBy(f => f.Entry, StringComparer.Ordinal)];
    }

    /// <summary>The top-level packages and modules the folder provides, by import name.</summary>
    public static IEnumerable<string> TopLevelNames(IEnumerable<PlannedCopy> files) =>
        files.Select(f => f.Entry.Split('/')[0]).Select(n => n.EndsWith(".py", StringComparison.Ordinal) ? n[..^3] : n.EndsWith(".pyi", StringComparison.Ordinal) ? n[..^4] : n).Distinct();

    private static bool Shipped(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        return !parts.Any(p => p.StartsWith('.') || p == "__pycache__") && Path.GetExtension(relativePath) is not (".pyc" or ".pyo");
    }

    private static PlannedCopy Copy(string folder, string file)
    {
        var entry = Path.GetRelativePath(folder, file).Replace('\\', '/');
        if (!ProjectNames.IsPortableArchivePath(entry)) throw CrossdockException.ForFile(file, "has a name a wheel cannot hold portably (use letters, digits, '.', '_', '-' and '/')");
        return new PlannedCopy(entry, file);
    }
}
