using System.Text;
using System.Text.RegularExpressions;

namespace Crossdock.Tests.Support;

/// <summary>One part of a multipart/form-data body: its field name, file name (for files), content type and bytes.</summary>
public sealed record FormPart(string Name, string? FileName, string? ContentType, byte[] Data)
{
    public string Text => Encoding.UTF8.GetString(Data);
}

/// <summary>
/// A small multipart/form-data parser for the fake upload server (.NET has none outside ASP.NET). It reads what
/// twine (requests-toolbelt) and HttpClient send: CRLF line ends, a boundary quoted or not, Content-Disposition
/// with quoted name and filename.
/// </summary>
public static partial class MultipartForm
{
    public static string? Boundary(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)) return null;
        var match = BoundaryParameter().Match(contentType);
        return match.Success ? match.Groups[1].Value.Trim('"') : null;
    }

    public static IReadOnlyList<FormPart> Parse(byte[] body, string boundary)
    {
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<FormPart>();
        var span = body.AsSpan();
        var start = span.IndexOf(delimiter);
        if (start < 0) throw new InvalidDataException("no boundary in the body");
        var position = start + delimiter.Length;
        while (true)
        {
            if (span[position..].StartsWith("--"u8)) return parts; // the closing delimiter
            if (!span[position..].StartsWith("\r\n"u8)) throw new InvalidDataException("a boundary line does not end with CRLF");
            position += 2;
            var next = span[position..].IndexOf(delimiter);
            if (next < 0) throw new InvalidDataException("the body ends without a closing boundary");
            var part = span.Slice(position, next);
            if (!part.EndsWith("\r\n"u8)) throw new InvalidDataException("a part does not end with CRLF before the boundary");
            parts.Add(ParsePart(part[..^2]));
            position += next + delimiter.Length;
        }
    }

    private static FormPart ParsePart(ReadOnlySpan<byte> part)
    {
        var headerEnd = part.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0) throw new InvalidDataException("a part has no blank line after its headers");
        var headers = Encoding.UTF8.GetString(part[..headerEnd]).Split("\r\n")
            .Select(h => h.Split(':', 2))
            .Where(h => h.Length == 2)
            .ToDictionary(h => h[0].Trim(), h => h[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var disposition = headers.GetValueOrDefault("Content-Disposition") ?? throw new InvalidDataException("a part has no Content-Disposition");
        string? Parameter(string name) => DispositionParameters().Matches(disposition)
            .FirstOrDefault(m => string.Equals(m.Groups[1].Value, name, StringComparison.OrdinalIgnoreCase)) is { } m
                ? (m.Groups[2].Success ? Regex.Replace(m.Groups[2].Value, @"\\(.)", "$1") : m.Groups[3].Value)
                : null;
        var fieldName = Parameter("name") ?? throw new InvalidDataException("a part has no name");
        return new FormPart(fieldName, Parameter("filename"), headers.GetValueOrDefault("Content-Type"), part[(headerEnd + 4)..].ToArray());
    }

    [GeneratedRegex(@"boundary=(""[^""]+""|[^;\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryParameter();

    [GeneratedRegex(@";\s*([A-Za-z*]+)=(?:""((?:[^""\\]|\\.)*)""|([^;\s]*))")]
    private static partial Regex DispositionParameters();
}
