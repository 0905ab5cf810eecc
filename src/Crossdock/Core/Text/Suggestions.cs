namespace Crossdock.Core.Text;

/// <summary>
/// "Did you mean" for a mistyped word (a config key, a target triple, a command, an option), as git and cargo
/// suggest: the one known word the typed one begins, else the known word closest by edit distance.
/// </summary>
public static class Suggestions
{
    /// <summary>" (did you mean 'x'?)" when a known word is close enough, else "".</summary>
    public static string DidYouMean(string word, IEnumerable<string> known) =>
        Closest(word, known) is { } best ? $" (did you mean '{best}'?)" : "";

    /// <summary>
    /// The only known word that starts with <paramref name="word"/> ("gen" for "generate"); else the known word
    /// within two edits (a quarter of its length for long words) and fewer edits than it has letters ("in" is
    /// not a typo of "init"); null when no word is a likely intent.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> known)
    {
        var candidates = known.Distinct(StringComparer.Ordinal).ToList();
        var extending = word.Length >= 2 ? candidates.Where(k => k.StartsWith(word, StringComparison.Ordinal)).ToList() : [];
        if (extending.Count == 1) return extending[0];
        var best = candidates.Select(k => (Word: k, Distance: EditDistance(word, k)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Word, StringComparer.Ordinal).FirstOrDefault();
        return best.Word is not null && best.Distance <= Math.Max(2, word.Length / 4) && best.Distance < word.Length ? best.Word : null;
    }

    /// <summary>
    /// Edits between two words: insertions, deletions, substitutions, and swaps of two neighbouring letters
    /// ("pakc" is one edit from "pack"; the optimal-string-alignment distance).
    /// </summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
