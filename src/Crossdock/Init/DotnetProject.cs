using System.Xml.Linq;
using Crossdock.Core;

namespace Crossdock.Init;

/// <summary>
/// A .csproj that sets <c>PublishAot</c> (only NativeAOT gives a self-contained native binary), in the
/// folder or one level below src/. PascalCase is a .NET convention, not a registry one, so the package name
/// is lower-cased; the command keeps the assembly's name, which is the file <c>dotnet publish</c> writes.
/// </summary>
public static class DotnetProject
{
    public static ProjectFacts? Read(string folder)
    {
        var candidates = Directory.EnumerateFiles(folder, "*.csproj")
            .Concat(Directory.Exists(Path.Combine(folder, "src"))
                ? Directory.EnumerateDirectories(Path.Combine(folder, "src")).SelectMany(d => Directory.EnumerateFiles(d, "*.csproj"))
                : [])
            .Order(StringComparer.Ordinal);
        foreach (var path in candidates)
        {
            var properties = Properties(path);
            if (!string.Equals(properties.GetValueOrDefault("PublishAot"), "true", StringComparison.OrdinalIgnoreCase)) continue;
            var assembly = AssemblyName(path, properties);
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            return new ProjectFacts(
                Language: "dotnet",
                Name: (properties.GetValueOrDefault("PackageId") ?? assembly).ToLowerInvariant(),
                Version: properties.GetValueOrDefault("Version") ?? properties.GetValueOrDefault("VersionPrefix"),
                Description: properties.GetValueOrDefault("Description"),
                License: properties.GetValueOrDefault("PackageLicenseExpression"),
                Repository: properties.GetValueOrDefault("RepositoryUrl"),
                Homepage: properties.GetValueOrDefault("PackageProjectUrl"),
                Commands: ProjectFacts.Named([assembly]),
                BuildProject: relative,
                Sources: [relative]);
        }
        return null;
    }

    /// <summary>
    /// The executable <c>dotnet publish</c> writes for <paramref name="project"/> (the .csproj [build] project names,
    /// else the one init would pick): the project's <c>AssemblyName</c>, or the project file's name without it.
    /// </summary>
    public static BuildOutputs? Outputs(string folder, string? project)
    {
        var path = project is not null ? Path.Combine(folder, project) : Read(folder)?.BuildProject is { } detected ? Path.Combine(folder, detected) : null;
        if (path is null || !path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || !File.Exists(path)) return null;
        var manifest = Path.GetRelativePath(folder, path).Replace('\\', '/');
        var assembly = AssemblyName(path, Properties(path));
        // An MSBuild expression ("$(MSBuildProjectName).Cli") is evaluated by MSBuild alone.
        return assembly.Contains("$(", StringComparison.Ordinal)
            ? new BuildOutputs(manifest, [], $"its AssemblyName is the MSBuild expression '{assembly}'")
            : new BuildOutputs(manifest, [assembly]);
    }

    private static string AssemblyName(string path, Dictionary<string, string> properties) =>
        properties.GetValueOrDefault("AssemblyName") ?? Path.GetFileNameWithoutExtension(path);

    /// <summary>The first value of each property in the project's PropertyGroups (namespace-agnostic, for old-style projects too).</summary>
    private static Dictionary<string, string> Properties(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path);
        }
        catch (System.Xml.XmlException e)
        {
            throw CrossdockException.ForFile(path, $"is not valid XML: {e.Message}", e);
        }
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup"))
        {
            var value = property.Value.Trim();
            if (value.Length > 0) properties.TryAdd(property.Name.LocalName, value);
        }
        return properties;
    }
}
