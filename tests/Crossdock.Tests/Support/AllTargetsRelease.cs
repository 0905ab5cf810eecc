namespace Crossdock.Tests.Support;

/// <summary>
/// A class fixture: all eight targets packed once (with a fixed SOURCE_DATE_EPOCH) for tests that only read
/// the result, plus a venv made on first use for the pip tests.
/// </summary>
public sealed class AllTargetsRelease : IDisposable
{
    private readonly Lazy<string> _venv;

    public AllTargetsRelease()
    {
        Release = new PackedRelease();
        Release.Pack(environment: new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" });
        _venv = new Lazy<string>(() => Python.CreateVenv(Release.Dir["venv"]));
    }

    public PackedRelease Release { get; }

    public string Venv => _venv.Value;

    public IEnumerable<string> Wheels => Directory.GetFiles(Release.PypiDir, "*.whl").Order(StringComparer.Ordinal);

    public void Dispose() => Release.Dispose();
}
