namespace Crossdock.Tests.Support;

/// <summary>A project folder with a crossdock.toml and README, and the fixture binaries for every default target.</summary>
public sealed class PackedRelease : IDisposable
{
    /// <summary>
    /// One fixture per target, from tests/fixtures/targets.tsv (in its order): the x86_64 glibc and musl ones run
    /// here; the others are real but foreign.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> FixtureByTarget =
        File.ReadAllLines(Repository.PathOf("tests", "fixtures", "targets.tsv"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t'))
            .ToDictionary(columns => columns[0], columns => columns[1]);

    public const string DefaultConfig = """
        [package]
        name = "my-tool"
        version = "1.2.0-beta.1"
        description = "A fixture CLI packed by crossdock's tests"
        license = "MIT"
        readme = "README.md"
        homepage = "https://example.com/my-tool"
        repository = "https://github.com/example/my-tool"
        bin = "mytool"
        targets = [
          "x86_64-unknown-linux-gnu", "x86_64-unknown-linux-musl",
          "aarch64-unknown-linux-gnu", "aarch64-unknown-linux-musl",
          "x86_64-apple-darwin", "aarch64-apple-darwin",
          "x86_64-pc-windows-msvc", "aarch64-pc-windows-msvc",
        ]

        [pypi]
        requires-python = ">=3.8"
        """;

    public PackedRelease(string? config = null)
    {
        Dir = new TempDir("crossdock-release-");
        ConfigPath = Dir.Write("crossdock.toml", config ?? DefaultConfig);
        Dir.Write("README.md", "# my-tool\n\nA **fixture** command-line tool.\n");
    }

    /// <summary>A release with all eight targets packed; removed again if packing fails.</summary>
    public static PackedRelease Packed(IReadOnlyDictionary<string, string>? environment = null)
    {
        var release = new PackedRelease();
        try
        {
            release.Pack(environment: environment);
            return release;
        }
        catch
        {
            release.Dispose();
            throw;
        }
    }

    public TempDir Dir { get; }

    public string ConfigPath { get; }

    public string Out => Dir["dist"];

    public string PypiDir => Path.Combine(Out, "pypi");

    public string NpmDir => Path.Combine(Out, "npm");

    /// <summary>Runs <c>crossdock pack</c> for the given targets (all eight by default) with explicit --target labels.</summary>
    public ProcessResult Pack(IEnumerable<string>? targets = null, IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        var chosen = (targets ?? FixtureByTarget.Keys).ToList();
        return CrossdockRunner.RunOk(environment,
        [
            "pack", "--config", ConfigPath, "--out", Out, .. extra,
            .. chosen.SelectMany(t => new[] { "--target", t }),
            .. chosen.Select(t => Fixtures.Path(FixtureByTarget[t])),
        ]);
    }

    public string Wheel(string platformFragment) =>
        Directory.GetFiles(PypiDir, "*.whl").Single(f => Path.GetFileName(f).Contains(platformFragment, StringComparison.Ordinal));

    public void Dispose() => Dir.Dispose();
}
