using System.Text;
using Crossdock.Core.Archives;
using Crossdock.Core.Problems;

namespace Crossdock.Channels.Pypi;

/// <summary>RECORD against the wheel's real contents: every file listed once, with its sha256 and size.</summary>
internal static class WheelRecordChecks
{
    public static void Check(ZipReader zip, IReadOnlyDictionary<string, (string Sha256, long Size)> digests, IReadOnlyDictionary<string, string> text, string recordName, ProblemList problems)
    {
        if (!text.TryGetValue(recordName, out var record))
        {
            problems.Add("RECORD", $"{recordName} is missing");
            return;
        }
        var listed = new Dictionary<string, (string Hash, string Size)>(StringComparer.Ordinal);
        foreach (var line in record.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = Csv(line.TrimEnd('\r'));
            if (fields.Count != 3) { problems.Add("RECORD", $"malformed line '{line}'"); continue; }
            if (!listed.TryAdd(fields[0], (fields[1], fields[2]))) problems.Add("RECORD", $"{fields[0]} is listed twice");
        }
        foreach (var entry in zip.Entries.Where(e => e.Name != recordName && !e.Name.EndsWith('/')))
        {
            if (!listed.TryGetValue(entry.Name, out var row)) { problems.Add("RECORD", $"{entry.Name} is in the wheel but not in RECORD"); continue; }
            var (sha256, size) = digests[entry.Name];
            if (row.Hash != "sha256=" + sha256) problems.Add("RECORD", $"hash of {entry.Name} does not match its content ({row.Hash}, content has sha256={sha256})");
            if (row.Size != size.ToString(System.Globalization.CultureInfo.InvariantCulture)) problems.Add("RECORD", $"size of {entry.Name} is listed as {row.Size}, content has {size}");
        }
        foreach (var name in listed.Keys.Where(n => n != recordName && zip.Entries.All(e => e.Name != n))) problems.Add("RECORD", $"{name} is listed but not in the wheel");
        if (listed.TryGetValue(recordName, out var self) && (self.Hash.Length > 0 || self.Size.Length > 0)) problems.Add("RECORD", "RECORD's own line must have empty hash and size");
    }

    /// <summary>One RECORD line: comma-separated, fields optionally double-quoted.</summary>
    private static List<string> Csv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
