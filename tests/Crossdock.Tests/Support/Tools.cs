namespace Crossdock.Tests.Support;

/// <summary>
/// Finds the real tools a test needs (pip, npm, Verdaccio, twine, clang...). Outside CI a missing tool skips
/// the test with a message saying what to install; under CI=true it fails, because CI installs them all
/// (<c>.ci/run</c>) and a silently skipped real-client test would prove nothing.
/// </summary>
public static class Tools
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of <paramref name="name"/> on PATH (or one of <paramref name="alternatives"/>).</summary>
    public static string Require(string name, params string[] alternatives)
    {
        foreach (var candidate in new[] { name }.Concat(alternatives))
        {
            var found = Find(candidate);
            if (found is not null) return found;
        }
        Missing($"'{name}' is not installed (run ./test.sh, which installs every tool the tests use)");
        return null!;
    }

    /// <summary>A file a tool installation should have produced, e.g. Verdaccio under tools/node_modules.</summary>
    public static string RequireFile(string path, string what)
    {
        if (!File.Exists(path)) Missing($"{what} is not installed at {path} (run ./test.sh)");
        return path;
    }

    public static void Missing(string message)
    {
        if (InCi) Assert.Fail(message + " — under CI=true a missing tool is a failure, not a skip");
        Assert.Skip(message);
    }

    public static string? Find(string name)
    {
        if (Path.IsPathRooted(name)) return File.Exists(name) ? name : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
