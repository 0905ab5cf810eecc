namespace Crossdock.Config;

/// <summary>
/// The language a repository builds with, told from which manifest sits beside crossdock.toml, in the order
/// <c>crossdock init</c> reads them (Cargo.toml, go.mod, build.zig.zon). Used only where <c>[build] language</c> is
/// left out, so that every command (pack, verify, assemble, generate) defaults to the same targets for the repository.
/// </summary>
public static class LanguageManifests
{
    public static readonly IReadOnlyList<(string FileName, string Language)> Ordered =
    [
        ("Cargo.toml", "rust"),
        ("go.mod", "go"),
        ("build.zig.zon", "zig"),
    ];

    /// <summary>The language of the first manifest found in <paramref name="folder"/>; null when none is there.</summary>
    public static string? Detect(string folder) =>
        Ordered.FirstOrDefault(m => File.Exists(Path.Combine(folder, m.FileName))).Language;
}
