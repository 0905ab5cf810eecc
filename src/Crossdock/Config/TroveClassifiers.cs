using System.Collections.Frozen;
using Crossdock.Core.Text;

namespace Crossdock.Config;

/// <summary>
/// The classifiers PyPI accepts (<c>Resources/trove-classifiers.txt</c>, from pypa/trove-classifiers; refreshing it
/// is described in its header): PyPI refuses an upload naming any other, so crossdock refuses it first.
/// </summary>
public static class TroveClassifiers
{
    private static readonly Lazy<FrozenSet<string>> Known = new(() =>
        EmbeddedText.Read("trove-classifiers.txt").Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToFrozenSet(StringComparer.Ordinal));

    public static bool IsKnown(string classifier) => Known.Value.Contains(classifier);

    /// <summary>Why PyPI would refuse <paramref name="classifier"/>, with the closest real one; null when it is known.</summary>
    public static string? Problem(string classifier) =>
        IsKnown(classifier) ? null
        : classifier.StartsWith("Private ::", StringComparison.Ordinal) ? $"'{classifier}' is a Private :: classifier, which PyPI refuses by design"
        : $"'{classifier}' is not a classifier PyPI accepts{Suggestions.DidYouMean(classifier, Known.Value)}";
}
