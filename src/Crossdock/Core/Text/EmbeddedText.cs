namespace Crossdock.Core.Text;

/// <summary>Text files compiled into crossdock (templates for generated files), read by their file name.</summary>
public static class EmbeddedText
{
    public static string Read(string fileName)
    {
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(fileName)
            ?? throw new InvalidOperationException($"embedded resource {fileName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
