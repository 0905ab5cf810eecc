namespace Crossdock.Channels.Pypi;

/// <summary>
/// A wheel's compatibility tag for a bare executable: python <c>py3</c>, abi <c>none</c>, and the platform set.
/// The filename carries the compressed form; the WHEEL file one <c>Tag:</c> line per expanded tag.
/// </summary>
public sealed record WheelTag(string Python, string Abi, PlatformTagSet Platform)
{
    public static WheelTag ForExecutable(PlatformTagSet platform) => new("py3", "none", platform);

    public string Compressed => $"{Python}-{Abi}-{Platform.Compressed}";

    public IEnumerable<string> Expanded => Platform.Tags.Select(p => $"{Python}-{Abi}-{p}");

    public override string ToString() => Compressed;
}
