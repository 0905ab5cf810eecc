using System.Collections.Immutable;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// An email-header style file (METADATA, WHEEL): "Field: value" lines, continuation lines starting with
/// whitespace, then an optional body after the first blank line.
/// </summary>
public sealed record HeaderFile(ImmutableArray<(string Field, string Value)> Fields, string Body)
{
    public static HeaderFile Parse(string text)
    {
        var fields = new List<(string, string)>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var i = 0;
        for (; i < lines.Length && lines[i].Length > 0; i++)
        {
            if ((lines[i][0] == ' ' || lines[i][0] == '\t') && fields.Count > 0)
            {
                var (field, value) = fields[^1];
                fields[^1] = (field, value + "\n" + lines[i].Trim());
                continue;
            }
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            fields.Add((lines[i][..colon], lines[i][(colon + 1)..].Trim()));
        }
        var body = i < lines.Length ? string.Join('\n', lines[(i + 1)..]) : "";
        return new HeaderFile([.. fields], body);
    }

    public string? First(string field) => Fields.Where(f => string.Equals(f.Field, field, StringComparison.OrdinalIgnoreCase)).Select(f => f.Value).FirstOrDefault();

    public IEnumerable<string> All(string field) => Fields.Where(f => string.Equals(f.Field, field, StringComparison.OrdinalIgnoreCase)).Select(f => f.Value);
}
