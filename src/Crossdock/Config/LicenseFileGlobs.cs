using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Crossdock.Config;

/// <summary>
/// <c>[package] license-files</c>: PEP 639 globs, relative to the project folder, expanded to the files every package
/// carries. Without the key, the files setuptools and maturin take by default (LICENSE*, LICENCE*, COPYING*,
/// NOTICE*, AUTHORS* at the top), so that a project's licence travels with its packages unless it says otherwise.
/// </summary>
public static class LicenseFileGlobs
{
    public static readonly IReadOnlyList<string> Defaults = ["LICENSE*", "LICENCE*", "COPYING*", "NOTICE*", "AUTHORS*"];

    /// <summary>Why <paramref name="pattern"/> is not a PEP 639 glob crossdock can expand; null when it is.</summary>
    public static string? Problem(string pattern)
    {
        if (pattern.StartsWith('/') || Path.IsPathRooted(pattern)) return $"'{pattern}' must be relative to the project folder";
        if (pattern.Contains('\\', StringComparison.Ordinal)) return $"'{pattern}' must use '/' between folders";
        if (pattern.Split('/').Contains("..")) return $"'{pattern}' must not leave the project folder ('..')";
        if (pattern.AsSpan().IndexOfAny("[]") >= 0) return $"'{pattern}': character classes ([...]) are not supported; list the files or use * and ?";
        return null;
    }

    /// <summary>The files <paramref name="patterns"/> match under <paramref name="root"/>, in path order, each once.</summary>
    public static IReadOnlyList<LicenseFile> Expand(string root, IEnumerable<string> patterns)
    {
        var files = new SortedDictionary<string, LicenseFile>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            foreach (var file in Matches(root, pattern)) files.TryAdd(file.RelativePath, file);
        }
        return [.. files.Values];
    }

    public static IEnumerable<LicenseFile> Matches(string root, string pattern)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern);
        var directory = new DirectoryInfo(root);
        if (!directory.Exists) return [];
        return matcher.Execute(new DirectoryInfoWrapper(directory)).Files
            .Select(f => new LicenseFile(f.Path.Replace('\\', '/'), Path.GetFullPath(Path.Combine(root, f.Path))))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal);
    }
}
