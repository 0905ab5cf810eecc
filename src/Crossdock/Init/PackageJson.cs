using System.Text.Json;
using Crossdock.Config;
using Crossdock.Core;

namespace Crossdock.Init;

/// <summary>
/// package.json: metadata, the command name from <c>bin</c>, and a scoped name (<c>@acme/tool</c>), which
/// becomes the [npm] name while the package name drops the scope.
/// </summary>
public static class PackageJson
{
    public const string FileName = "package.json";

    public static ProjectFacts? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw CrossdockException.ForFile(path, $"is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw CrossdockException.ForFile(path, $"is not a JSON object (it holds a {root.ValueKind.ToString().ToLowerInvariant()})");
            var npmName = String(root, "name");
            var name = npmName is not null && npmName.StartsWith('@') && npmName.Contains('/') ? npmName[(npmName.IndexOf('/') + 1)..] : npmName;
            return new ProjectFacts(
                Name: name,
                Version: String(root, "version"),
                Description: String(root, "description"),
                License: String(root, "license"),
                Repository: Repository(root),
                Homepage: String(root, "homepage"),
                Commands: ProjectFacts.Named([Bin(root, name)]),
                NpmName: npmName != name ? npmName : null,
                Sources: [FileName],
                Metadata: RegistryMetadata.Empty with
                {
                    Authors = [.. People(root, "author")],
                    Maintainers = [.. People(root, "maintainers")],
                    Keywords = root.TryGetProperty("keywords", out var keywords) && keywords.ValueKind == JsonValueKind.Array
                        ? [.. keywords.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!).Where(k => k.Length > 0)]
                        : [],
                    Urls = Bugs(root) is { } bugs ? [new ProjectUrl("Issues", bugs)] : [],
                });
        }
    }

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>npm's people: "Name &lt;email&gt; (url)" or <c>{ "name", "email" }</c>, one (author) or a list (maintainers).</summary>
    private static IEnumerable<Person> People(JsonElement root, string property)
    {
        if (!root.TryGetProperty(property, out var value)) yield break;
        foreach (var person in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value])
        {
            var parsed = person.ValueKind switch
            {
                JsonValueKind.String => RegistryMetadata.ParsePerson(person.GetString()!),
                JsonValueKind.Object => new Person(String(person, "name"), String(person, "email")),
                _ => null,
            };
            if (parsed is { Name: not null } or { Email: not null }) yield return parsed;
        }
    }

    /// <summary><c>"bugs": "https://..."</c> or <c>{ "url": ... }</c>: the issue tracker.</summary>
    private static string? Bugs(JsonElement root) =>
        root.TryGetProperty("bugs", out var bugs) ? bugs.ValueKind == JsonValueKind.String ? bugs.GetString() : String(bugs, "url") : null;

    /// <summary><c>"bin": "cli.js"</c> is a command named after the package; <c>"bin": {"tool": ...}</c> names it.</summary>
    private static string? Bin(JsonElement root, string? name)
    {
        if (!root.TryGetProperty("bin", out var bin)) return null;
        if (bin.ValueKind == JsonValueKind.String) return name;
        return bin.ValueKind == JsonValueKind.Object ? bin.EnumerateObject().Select(p => p.Name).FirstOrDefault() : null;
    }

    /// <summary>The repository as a browsable URL: "git+https://…/x.git", "github:owner/repo" and "owner/repo" all become https URLs.</summary>
    private static string? Repository(JsonElement root)
    {
        var value = root.TryGetProperty("repository", out var repository) && repository.ValueKind == JsonValueKind.Object
            ? String(repository, "url")
            : String(root, "repository");
        if (value is null) return null;
        if (value.StartsWith("github:", StringComparison.Ordinal)) value = "https://github.com/" + value["github:".Length..];
        else if (!value.Contains(':', StringComparison.Ordinal) && value.Count(c => c == '/') == 1) value = "https://github.com/" + value;
        if (value.StartsWith("git+", StringComparison.Ordinal)) value = value["git+".Length..];
        return value.EndsWith(".git", StringComparison.Ordinal) ? value[..^4] : value;
    }
}
