using Crossdock.Core;

namespace Crossdock.Plan;

/// <summary>The project's README, the long description of every package: its text (LF line ends) and its kind.</summary>
/// <param name="SourcePath">Where it was read from.</param>
/// <param name="Text">The file's text with CRLF turned into LF, as every package carries it.</param>
public sealed record Readme(string SourcePath, string Text)
{
    /// <summary>The media type registries render it as, from the file's extension.</summary>
    public string ContentType => Path.GetExtension(SourcePath).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => "text/markdown",
        ".rst" => "text/x-rst",
        _ => "text/plain",
    };

    public static Readme Read(string path)
    {
        try
        {
            return new Readme(path, File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CrossdockException.ForFile(path, $"cannot be read: {e.Message}");
        }
    }
}
