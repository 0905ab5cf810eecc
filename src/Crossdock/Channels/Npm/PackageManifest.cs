using System.Collections.Immutable;
using System.Text.Json;
using Crossdock.Core;
using Crossdock.Core.Targets;

namespace Crossdock.Channels.Npm;

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

    /// <summary>Whether the os/cpu/libc fields are exactly <paramref name="platform"/>'s, one value each.</summary>
    public bool Declares(NpmPlatform platform) =>
        Os.SequenceEqual([platform.Os]) && Cpu.SequenceEqual([platform.Cpu]) && Libc.SequenceEqual(platform.Libc is { } libc ? [libc] : []);

    /// <summary>The os/cpu/libc fields as declared, for messages: "[linux]/[x64]/[glibc]".</summary>
    public string DeclaredPlatform => $"[{string.Join(",", Os)}]/[{string.Join(",", Cpu)}]/[{string.Join(",", Libc)}]";

    /// <summary>A package.json far larger than any real one is refused before it is read (a small gzip can inflate to gigabytes).</summary>
    public const long MaxBytes = 1 << 20;

    /// <summary>Reads package.json from a tarball entry of <paramref name="length"/> bytes (the tar header's size).</summary>
    public static PackageManifest Read(string source, Stream data, long length)
    {
        if (length > MaxBytes) throw CrossdockException.ForFile(source, $"package.json is {length} bytes; crossdock reads at most {MaxBytes}");
        using var buffer = new MemoryStream();
        data.CopyTo(buffer);
        return Parse(source, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public static PackageManifest Parse(string source, ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw CrossdockException.ForFile(source, "package.json is not a JSON object");
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

    /// <summary>A string map; a key given twice keeps its last value, as JavaScript's JSON.parse does.</summary>
    private static ImmutableDictionary<string, string> Map(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object) return ImmutableDictionary<string, string>.Empty;
        var map = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)) map[property.Name] = property.Value.GetString()!;
        return map.ToImmutable();
    }

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
