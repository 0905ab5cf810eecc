
namespace Crossdock.Tests.Support;

/// <summary>
/// Golden files for generated text, under tests/Crossdock.Tests/Golden. Run the tests with
/// CROSSDOCK_UPDATE_GOLDEN=1 to rewrite them from the current output (then review the diff).
/// </summary>
public static class Golden
{
    public static void Match(string name, string actual)
    {
        var path = Repository.PathOf("tests", "Crossdock.Tests", "Golden", name);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("CROSSDOCK_UPDATE_GOLDEN") == "1")
        {
            // Rewriting the expectations would make every golden test pass: never in CI.
            Assert.False(Tools.InCi, "CROSSDOCK_UPDATE_GOLDEN=1 is not allowed under CI=true");
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {name} is missing; run with CROSSDOCK_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }

    /// <summary>Replaces values that change between runs (temp paths, versions of tools) with stable placeholders.</summary>
    public static string Scrub(string text, params (string Value, string Placeholder)[] replacements)
    {
        foreach (var (value, placeholder) in replacements.OrderByDescending(r => r.Value.Length))
        {
            text = text.Replace(value, placeholder, StringComparison.Ordinal);
        }
        return text;
    }

}
