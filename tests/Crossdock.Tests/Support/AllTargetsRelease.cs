namespace Crossdock.Tests.Support;

/// <summary>
/// A class fixture: all eight targets packed once, by the first test that reads them (with a fixed SOURCE_DATE_EPOCH),
/// for tests that only read the result, plus a venv made on first use for the pip tests.
/// </summary>
public sealed class AllTargetsRelease : IDisposable
{
    private readonly Deferred<PackedRelease> _release = new(() => PackedRelease.Packed(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" }));
    private readonly Lazy<string> _venv;

    public AllTargetsRelease()
    {
        _venv = new Lazy<string>(() => Python.CreateVenv(Release.Dir["venv"]));
    }

    public PackedRelease Release => _release.Value;

    public string Venv => _venv.Value;

    public IEnumerable<string> Wheels => Directory.GetFiles(Release.PypiDir, "*.whl").Order(StringComparer.Ordinal);

    public void Dispose() => _release.Dispose();
}
