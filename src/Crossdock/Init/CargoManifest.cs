using System.Collections.Immutable;
using Crossdock.Config;
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

        if (HasBinary(root, folder)) return Facts(root, folder, folder, inherited, buildProject: null, [FileName]);
        foreach (var memberFolder in Members(root, folder))
        {
            var memberPath = Path.Combine(memberFolder, FileName);
            var member = ManifestToml.Read(memberPath);
            if (!HasBinary(member, memberFolder)) continue;
            var package = ManifestToml.String(ManifestToml.Table(member, "package"), "name");
            return Facts(member, folder, memberFolder, inherited, package, [FileName, Relative(folder, memberPath)]);
        }
        // A library-only crate still says what the project is called; the binary name is then a guess.
        return ManifestToml.Table(root, "package") is null ? new ProjectFacts(Language: "rust", Sources: [FileName]) : Facts(root, folder, folder, inherited, null, [FileName]);
    }

    private static ProjectFacts Facts(TomlTable manifest, string root, string folder, TomlTable? inherited, string? buildProject, string[] sources)
    {
        var package = ManifestToml.Table(manifest, "package");
        // A field the member inherits (key.workspace = true) is the root's [workspace.package] one, its paths relative to the root.
        bool Inherits(string key) => package is not null && package.TryGetValue(key, out var value) && value is TomlTable reference
            && reference.TryGetValue("workspace", out var flag) && flag is true;
        object? Value(string key) => ManifestToml.Value(Inherits(key) ? inherited : package, key);
        string? Field(string key) => Value(key) is string s && s.Trim().Length > 0 ? s : null;
        // A path holding NUL is no file (and Path.GetRelativePath would throw on it).
        string? PathField(string key) => Field(key) is { } path && !path.Contains('\0') ? Relative(root, Path.Combine(Inherits(key) ? root : folder, path)) : null;
        IEnumerable<string> List(string key) => Value(key) is TomlArray array ? array.OfType<string>().Where(s => s.Trim().Length > 0) : [];

        var name = Field("name");
        // readme = true is cargo's README.md; false says there is none.
        var readme = Value("readme") is true ? Relative(root, Path.Combine(folder, "README.md")) : PathField("readme");
        var documentation = Field("documentation");
        return new ProjectFacts(
            Language: "rust",
            Name: name,
            Version: Field("version"),
            Description: Field("description"),
            License: Field("license"),
            Repository: Field("repository"),
            Homepage: Field("homepage"),
            Commands: ProjectFacts.Named(BinaryNames(manifest, folder)),
            BuildProject: buildProject,
            Readme: Value("readme") is false ? null : readme,
            Sources: [.. sources],
            Metadata: RegistryMetadata.Empty with
            {
                Authors = [.. List("authors").Select(RegistryMetadata.ParsePerson).OfType<Person>()],
                Keywords = [.. List("keywords")],
                LicenseFiles = PathField("license-file") is { } licenseFile ? [licenseFile] : [],
                Urls = documentation is not null ? [new ProjectUrl("Documentation", documentation)] : [],
            });
    }

    /// <summary>
    /// What <c>cargo build --release</c> (with <c>--package <paramref name="package"/></c> when given) leaves in
    /// target/TRIPLE/release: the named package's binaries, else the root package's, else every member's (a
    /// virtual workspace builds them all). Null when there is no Cargo.toml, or no package of that name.
    /// </summary>
    public static BuildOutputs? Outputs(string folder, string? package)
    {
        var rootPath = Path.Combine(folder, FileName);
        if (!File.Exists(rootPath)) return null;
        var root = ManifestToml.Read(rootPath);
        var manifests = new List<(TomlTable Manifest, string Folder)> { (root, folder) };
        manifests.AddRange(Members(root, folder).Select(m => (ManifestToml.Read(Path.Combine(m, FileName)), m)));
        var packages = manifests.Where(m => ManifestToml.Table(m.Manifest, "package") is not null).ToList();
        if (package is not null)
        {
            var named = packages.FirstOrDefault(m => ManifestToml.String(ManifestToml.Table(m.Manifest, "package"), "name") == package);
            return named.Manifest is null ? null : new BuildOutputs(Relative(folder, Path.Combine(named.Folder, FileName)), BinaryNames(named.Manifest, named.Folder));
        }
        if (ManifestToml.Table(root, "package") is not null) return new BuildOutputs(FileName, BinaryNames(root, folder));
        return new BuildOutputs(FileName, [.. packages.SelectMany(m => BinaryNames(m.Manifest, m.Folder)).Distinct()]);
    }

    /// <summary>
    /// A package's binary targets, as cargo names the files it writes: each <c>[[bin]]</c>'s name, then those cargo
    /// discovers itself (unless <c>autobins = false</c>): src/main.rs is the package's name, src/bin/NAME.rs and
    /// src/bin/NAME/main.rs are NAME; a discovered target a <c>[[bin]]</c> names or points at is that one.
    /// </summary>
    public static ImmutableArray<string> BinaryNames(TomlTable manifest, string folder)
    {
        var package = ManifestToml.Table(manifest, "package");
        if (package is null) return [];
        var declared = manifest.TryGetValue("bin", out var bins) && bins is TomlTableArray array
            ? array.Select(b => (Name: ManifestToml.String(b, "name"), Path: ManifestToml.String(b, "path")?.Replace('\\', '/').TrimStart('.', '/'))).Where(b => b.Name is not null).ToList()
            : [];
        var names = declared.Select(b => b.Name!).ToList();
        if (package.TryGetValue("autobins", out var auto) && auto is false) return [.. names];
        foreach (var (name, path) in Discovered(folder, ManifestToml.String(package, "name")))
        {
            if (!names.Contains(name) && declared.All(b => b.Path != path)) names.Add(name);
        }
        return [.. names];
    }

    /// <summary>The binaries cargo's target auto-discovery finds, with their paths relative to the package.</summary>
    private static IEnumerable<(string Name, string Path)> Discovered(string folder, string? packageName)
    {
        if (packageName is not null && File.Exists(Path.Combine(folder, "src", "main.rs"))) yield return (packageName, "src/main.rs");
        var binFolder = Path.Combine(folder, "src", "bin");
        if (!Directory.Exists(binFolder)) yield break;
        foreach (var file in Directory.EnumerateFiles(binFolder, "*.rs").Order(StringComparer.Ordinal))
        {
            yield return (Path.GetFileNameWithoutExtension(file), $"src/bin/{Path.GetFileName(file)}");
        }
        foreach (var directory in Directory.EnumerateDirectories(binFolder).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(directory, "main.rs"))) yield return (Path.GetFileName(directory), $"src/bin/{Path.GetFileName(directory)}/main.rs");
        }
    }

    private static bool HasBinary(TomlTable manifest, string folder) => !BinaryNames(manifest, folder).IsEmpty;

    private static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');

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
