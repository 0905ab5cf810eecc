using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crossdock.Core;

namespace Crossdock.Channels.NuGet;

/// <summary>
/// A framework-dependent <c>dotnet publish</c> output (<c>-p:UseAppHost=false</c>), checked before it is planned into
/// the <c>{id}.any</c> package: the command's .dll and its runtimeconfig.json are there, and the latter names the
/// target framework the package's folder is named after.
/// </summary>
/// <param name="Folder">The publish folder (absolute).</param>
/// <param name="TargetFramework">The runtimeconfig.json's <c>tfm</c>, e.g. <c>net10.0</c>.</param>
/// <param name="EntryPoint">The command's .dll, <c>{command}.dll</c>, which <c>dotnet</c> runs.</param>
/// <param name="Files">Every file of the folder, relative with '/', in ordinal order (the package's entry order).</param>
public sealed partial record FrameworkDependentBuild(string Folder, string TargetFramework, string EntryPoint, ImmutableArray<string> Files)
{
    /// <summary>Reads <paramref name="folder"/> for the tool's <paramref name="command"/>; a <see cref="CrossdockException"/> naming the folder otherwise.</summary>
    public static FrameworkDependentBuild Read(string folder, string command)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full)) throw CrossdockException.ForFile(folder, "is not a folder; --nuget-framework-dependent takes a framework-dependent 'dotnet publish' output");
        var entryPoint = command + ".dll";
        var runtimeConfig = command + ".runtimeconfig.json";
        var missing = new[] { entryPoint, runtimeConfig }.Where(f => !File.Exists(Path.Combine(full, f))).ToList();
        if (missing.Count > 0)
        {
            throw CrossdockException.ForFile(folder, $"has no {string.Join(" or ", missing)}: it must be the framework-dependent 'dotnet publish -p:UseAppHost=false' output of the command {command}");
        }
        var framework = TargetFrameworkOf(Path.Combine(folder, runtimeConfig));
        var files = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(full, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        // The package's own settings file sits in the same folder: a file of that name in DIR would be a second entry.
        if (files.Contains(NugetNames.SettingsFile)) throw CrossdockException.ForFile(folder, $"holds a {NugetNames.SettingsFile}, the name of the settings file the package gets; this is not a 'dotnet publish' output");
        return new FrameworkDependentBuild(full, framework, entryPoint, [.. files]);
    }

    /// <summary>runtimeOptions.tfm of a runtimeconfig.json, a short framework name such as <c>net10.0</c>.</summary>
    private static string TargetFrameworkOf(string path)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("runtimeOptions", out var options) && options.ValueKind == JsonValueKind.Object
                && options.TryGetProperty("tfm", out var tfm) && tfm.ValueKind == JsonValueKind.String
                && tfm.GetString() is { } name && FrameworkPattern().IsMatch(name))
            {
                return name;
            }
            throw CrossdockException.ForFile(path, "has no runtimeOptions.tfm naming the target framework (such as \"net10.0\"); is it a framework-dependent build's?");
        }
        catch (JsonException e)
        {
            throw CrossdockException.ForFile(path, $"is not JSON: {e.Message}");
        }
    }

    [GeneratedRegex(@"^net[0-9]+\.[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex FrameworkPattern();
}
