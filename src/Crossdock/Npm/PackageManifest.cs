using System.Collections.Immutable;
using System.Text.Json;

namespace Crossdock.Npm;

/// <summary>The fields of a package.json that crossdock reads back from package tarballs.</summary>
public sealed record PackageManifest(
    string Name,
    string Version,
    ImmutableArray<string> Os,
    ImmutableArray<string> Cpu,
    ImmutableArray<string> Libc,
    ImmutableArray<string> Files,
    ImmutableDictionary<string, string> OptionalDependencies,
    ImmutableDictionary<string, string> Bin)
{
    /// <summary>A platform package declares where it runs; the main package does not.</summary>
    public bool IsPlatformPackage => !Os.IsEmpty || !Cpu.IsEmpty;

    public static PackageManifest Parse(string source, ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            return new PackageManifest(
                RequiredString(source, root, "name"),
                RequiredString(source, root, "version"),
                Strings(root, "os"),
                Strings(root, "cpu"),
                Strings(root, "libc"),
                Strings(root, "files"),
                Map(root, "optionalDependencies"),
                BinMap(root));
        }
        catch (JsonException e)
        {
            throw CrossdockException.ForFile(source, $"package.json is not valid JSON: {e.Message}");
        }
    }

    private static string RequiredString(string source, JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw CrossdockException.ForFile(source, $"package.json has no \"{name}\"");

    private static ImmutableArray<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    private static ImmutableDictionary<string, string> Map(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToImmutableDictionary(p => p.Name, p => p.Value.GetString()!)
            : ImmutableDictionary<string, string>.Empty;

    private static ImmutableDictionary<string, string> BinMap(JsonElement root)
    {
        if (!root.TryGetProperty("bin", out var bin)) return ImmutableDictionary<string, string>.Empty;
        if (bin.ValueKind == JsonValueKind.String)
        {
            var name = RequiredString("package.json", root, "name");
            return ImmutableDictionary<string, string>.Empty.Add(name[(name.IndexOf('/') + 1)..], bin.GetString()!);
        }
        return Map(root, "bin");
    }
}
