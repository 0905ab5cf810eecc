namespace Crossdock.Tests.Support;

/// <summary>
/// A class fixture's expensive set-up (packing a release, starting a registry), run by the first test that needs it
/// rather than in the fixture's constructor: xunit turns anything thrown by a fixture constructor — the skip for a
/// missing tool among them — into a failure of every test of the class, while thrown inside a test a skip is a
/// skip. The set-up runs once; its failure, or its skip, is thrown again to every test that asks.
/// </summary>
public sealed class Deferred<T>(Func<T> create) : IDisposable where T : class, IDisposable
{
    private readonly Lazy<T> _value = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    public T Value => _value.Value;

    public void Dispose()
    {
        if (_value.IsValueCreated) _value.Value.Dispose();
    }
}
