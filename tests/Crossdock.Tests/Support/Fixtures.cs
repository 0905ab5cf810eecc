using System.Security.Cryptography;
using System.Text;

namespace Crossdock.Tests.Support;

/// <summary>
/// Real binaries built at test time by tests/fixtures/build.sh (gcc, clang, lld, musl-gcc) — never committed.
/// Built once per source version into a cache folder named after a hash of the sources.
/// </summary>
public static class Fixtures
{
    private static readonly Lazy<string> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Dir => Built.Value;

    /// <summary>The path of a built fixture, e.g. "host-gnu" (x86_64 glibc, runnable here).</summary>
    public static string Path(string name)
    {
        var path = System.IO.Path.Combine(Dir, name);
        Assert.True(File.Exists(path), $"fixture {name} was not built");
        return path;
    }

    private static string Build()
    {
        foreach (var tool in new[] { "gcc", "clang", "ld.lld", "lld-link", "musl-gcc" }) Tools.Require(tool);
        var sources = Repository.PathOf("tests", "fixtures");
        // build.sh makes the Go fixtures only where go is installed, so whether it is belongs in the cache key.
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n",
            Directory.EnumerateFiles(sources).Order(StringComparer.Ordinal).Select(f => System.IO.Path.GetFileName(f) + File.ReadAllText(f))
                .Append(Tools.Find("go") is null ? "without go" : "with go")))))[..16];
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "crossdock-fixtures", hash);
        var done = System.IO.Path.Combine(dir, ".built");
        if (File.Exists(done)) return dir;

        var staging = dir + ".tmp-" + Environment.ProcessId;
        ProcessRunner.RunOk("bash", [System.IO.Path.Combine(sources, "build.sh"), staging]);
        File.WriteAllText(System.IO.Path.Combine(staging, ".built"), hash);
        try
        {
            Directory.Move(staging, dir);
        }
        catch (IOException) when (File.Exists(done))
        {
            Directory.Delete(staging, recursive: true); // another test process built it first
        }
        return dir;
    }
}
