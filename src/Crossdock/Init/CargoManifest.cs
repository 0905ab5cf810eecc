using Tomlyn.Model;

namespace Crossdock.Init;

/// <summary>
/// Cargo.toml: a package, or a workspace whose first member with a binary is the one to ship. Fields a
/// member inherits (<c>version.workspace = true</c>) are read from the root's <c>[workspace.package]</c>.
/// </summary>
public static class CargoManifest
{
    public const string FileName = "Cargo.toml";

    public static ProjectFacts? Read(string folder)
    {
        var rootPath = Path.Combine(folder, FileName);
        if (!File.Exists(rootPath)) return null;
        var root = ManifestToml.Read(rootPath);
        var inherited = ManifestToml.Table(root, "workspace.package");

        if (HasBinary(root, folder)) return Facts(root, inherited, buildProject: null, [FileName]);
        foreach (var memberFolder in Members(root, folder))
        {
            var memberPath = Path.Combine(memberFolder, FileName);
            var member = ManifestToml.Read(memberPath);
            if (!HasBinary(member, memberFolder)) continue;
            var package = ManifestToml.String(ManifestToml.Table(member, "package"), "name");
            return Facts(member, inherited, package, [FileName, Path.GetRelativePath(folder, memberPath).Replace('\\', '/')]);
        }
        // A library-only crate still says what the project is called; the binary name is then a guess.
        return ManifestToml.Table(root, "package") is null ? new ProjectFacts(Language: "rust", Sources: [FileName]) : Facts(root, inherited, null, [FileName]);
    }

    private static ProjectFacts Facts(TomlTable manifest, TomlTable? inherited, string? buildProject, string[] sources)
    {
        var package = ManifestToml.Table(manifest, "package");
        string? Field(string key) => package is not null && package.TryGetValue(key, out var value) && value is TomlTable { } reference
            && reference.TryGetValue("workspace", out var flag) && flag is true
            ? ManifestToml.String(inherited, key)
            : ManifestToml.String(package, key);

        var name = Field("name");
        return new ProjectFacts(
            Language: "rust",
            Name: name,
            Version: Field("version"),
            Description: Field("description"),
            License: Field("license"),
            Repository: Field("repository"),
            Homepage: Field("homepage"),
            Bin: FirstBinName(manifest) ?? name,
            BuildProject: buildProject,
            Sources: [.. sources]);
    }

    private static bool HasBinary(TomlTable manifest, string folder) =>
        ManifestToml.Table(manifest, "package") is not null
        && (FirstBinName(manifest) is not null || File.Exists(Path.Combine(folder, "src", "main.rs")));

    private static string? FirstBinName(TomlTable manifest) =>
        manifest.TryGetValue("bin", out var bins) && bins is TomlTableArray array
            ? array.Select(b => ManifestToml.String(b, "name")).FirstOrDefault(n => n is not null)
            : null;

    /// <summary>Workspace member folders, with a trailing "*" expanded (the form workspaces use in practice).</summary>
    private static IEnumerable<string> Members(TomlTable root, string folder)
    {
        if (ManifestToml.Table(root, "workspace") is not { } workspace || !workspace.TryGetValue("members", out var value) || value is not TomlArray members)
        {
            yield break;
        }
        var inside = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        // Cargo requires members inside the workspace; a member such as "/" or "../.." would send init reading elsewhere.
        foreach (var member in members.OfType<string>().Where(m => !m.Contains('\0') && Path.GetFullPath(Path.Combine(folder, m.TrimEnd('*'))).StartsWith(inside, StringComparison.Ordinal)))
        {
            if (member.EndsWith("/*", StringComparison.Ordinal))
            {
                var parent = Path.Combine(folder, member[..^2]);
                if (!Directory.Exists(parent)) continue;
                foreach (var child in Directory.EnumerateDirectories(parent).Order(StringComparer.Ordinal))
                {
                    if (File.Exists(Path.Combine(child, FileName))) yield return child;
                }
            }
            else if (File.Exists(Path.Combine(folder, member, FileName)))
            {
                yield return Path.Combine(folder, member);
            }
        }
    }
}
