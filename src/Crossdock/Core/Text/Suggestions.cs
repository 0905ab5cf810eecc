namespace Crossdock.Core.Text;

/// <summary>
/// "Did you mean" for a mistyped word (a config key, a target triple, a command, an option): the known word
/// closest by edit distance, as git and cargo suggest, or the one known word the typed one begins.
/// </summary>
public static class Suggestions
{
    /// <summary>" (did you mean 'x'?)" when a known word is close enough, else "".</summary>
    public static string DidYouMean(string word, IEnumerable<string> known) =>
        Closest(word, known) is { } best ? $" (did you mean '{best}'?)" : "";

    /// <summary>
    /// The known word within a few edits of <paramref name="word"/> (two, or a quarter of its length when longer),
    /// else the only known word that starts with it ("gen" for "generate"); null when none is a likely intent.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> known)
    {
        var candidates = known.Distinct(StringComparer.Ordinal).ToList();
        var best = candidates.Select(k => (Word: k, Distance: EditDistance(word, k)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Word, StringComparer.Ordinal).FirstOrDefault();
        if (best.Word is not null && best.Distance <= Math.Max(2, word.Length / 4)) return best.Word;
        var extending = word.Length >= 2 ? candidates.Where(k => k.StartsWith(word, StringComparison.Ordinal)).ToList() : [];
        return extending.Count == 1 ? extending[0] : null;
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions, one row of the table at a time.</summary>
    public static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
