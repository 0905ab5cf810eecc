using System.Collections.Immutable;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// The platform part of a wheel tag: one or more platform tags, always held in plain ordinal order, which
/// is the order <c>packaging.tags.parse_tag(validate_order=True)</c> demands in a compressed set
/// (so <c>manylinux2014_x86_64.manylinux_2_17_x86_64</c>: '2' sorts before '_').
/// </summary>
public sealed class PlatformTagSet : IEquatable<PlatformTagSet>
{
    public PlatformTagSet(IEnumerable<string> tags)
    {
        Tags = [.. tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (Tags.IsEmpty) throw new ArgumentException("a wheel needs at least one platform tag", nameof(tags));
    }

    public ImmutableArray<string> Tags { get; }

    /// <summary>The compressed form used in a wheel filename.</summary>
    public string Compressed => string.Join('.', Tags);

    /// <summary>Parses a filename's platform field, failing on an unsorted set (as PyPI plans to).</summary>
    public static PlatformTagSet Parse(string compressed, out bool wasSorted)
    {
        var parts = compressed.Split('.');
        wasSorted = parts.SequenceEqual(parts.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        return new PlatformTagSet(parts);
    }

    public bool Equals(PlatformTagSet? other) => other is not null && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as PlatformTagSet);

    public override int GetHashCode() => Compressed.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Compressed;
}
