using System.Text;

namespace Crossdock.Workflow;

/// <summary>
/// A unified diff of two texts by lines (longest common subsequence, common prefix and suffix trimmed
/// first), for <c>generate github --check</c> to show what is stale. Workflows are a few hundred lines, so
/// the quadratic table is small.
/// </summary>
public static class LineDiff
{
    private const int Context = 3;

    private readonly record struct Edit(char Kind, string Line);

    /// <summary>The diff from <paramref name="before"/> to <paramref name="after"/>; empty when they are equal.</summary>
    public static string Unified(string before, string after, string beforeName, string afterName)
    {
        var edits = Edits(SplitLines(before), SplitLines(after));
        if (edits.All(e => e.Kind == ' ')) return "";
        var output = new StringBuilder();
        output.Append("--- ").Append(beforeName).Append('\n');
        output.Append("+++ ").Append(afterName).Append('\n');
        foreach (var (start, end) in Hunks(edits)) AppendHunk(output, edits, start, end);
        return output.ToString();
    }

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0) return [];
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static List<Edit> Edits(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;

        var edits = a.Take(prefix).Select(l => new Edit(' ', l)).ToList();
        var middleA = a[prefix..(a.Length - suffix)];
        var middleB = b[prefix..(b.Length - suffix)];
        // common[i, j] = length of the LCS of middleA[i..] and middleB[j..].
        var common = new int[middleA.Length + 1, middleB.Length + 1];
        for (var i = middleA.Length - 1; i >= 0; i--)
        {
            for (var j = middleB.Length - 1; j >= 0; j--)
            {
                common[i, j] = middleA[i] == middleB[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }
        int x = 0, y = 0;
        while (x < middleA.Length || y < middleB.Length)
        {
            if (x < middleA.Length && y < middleB.Length && middleA[x] == middleB[y])
            {
                edits.Add(new Edit(' ', middleA[x++]));
                y++;
            }
            else if (x < middleA.Length && (y == middleB.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                edits.Add(new Edit('-', middleA[x++])); // removals before additions, as diff -u shows them
            }
            else
            {
                edits.Add(new Edit('+', middleB[y++]));
            }
        }
        edits.AddRange(a.Skip(a.Length - suffix).Select(l => new Edit(' ', l)));
        return edits;
    }

    /// <summary>Ranges of edits [start, end) holding changes with their context, merged where contexts touch.</summary>
    private static IEnumerable<(int Start, int End)> Hunks(List<Edit> edits)
    {
        var changed = Enumerable.Range(0, edits.Count).Where(i => edits[i].Kind != ' ').ToList();
        var start = Math.Max(0, changed[0] - Context);
        var end = Math.Min(edits.Count, changed[0] + 1 + Context);
        foreach (var index in changed.Skip(1))
        {
            if (index - Context > end)
            {
                yield return (start, end);
                start = index - Context;
            }
            end = Math.Min(edits.Count, index + 1 + Context);
        }
        yield return (start, end);
    }

    private static void AppendHunk(StringBuilder output, List<Edit> edits, int start, int end)
    {
        var beforeStart = edits.Take(start).Count(e => e.Kind != '+') + 1;
        var afterStart = edits.Take(start).Count(e => e.Kind != '-') + 1;
        var hunk = edits.Skip(start).Take(end - start).ToList();
        var beforeCount = hunk.Count(e => e.Kind != '+');
        var afterCount = hunk.Count(e => e.Kind != '-');
        output.Append($"@@ -{(beforeCount == 0 ? beforeStart - 1 : beforeStart)},{beforeCount} +{(afterCount == 0 ? afterStart - 1 : afterStart)},{afterCount} @@\n");
        foreach (var edit in hunk) output.Append(edit.Kind).Append(edit.Line).Append('\n');
    }
}
