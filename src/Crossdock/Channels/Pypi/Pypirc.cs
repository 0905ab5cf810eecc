using Crossdock.Core;

namespace Crossdock.Channels.Pypi;

/// <summary>One repository of a .pypirc, after twine's defaults: its upload URL and the credentials it names.</summary>
public sealed record PypircRepository(string Name, string? Url, string? Username, string? Password);

/// <summary>
/// The user's <c>~/.pypirc</c>, read with twine's rules (twine/utils.py get_config, and the pypirc spec): an INI
/// file as Python's RawConfigParser reads it — no interpolation, option names case-insensitive, <c>key = value</c>
/// or <c>key: value</c>, indented continuation lines, <c>#</c>/<c>;</c> comment lines, a <c>[DEFAULT]</c> section.
/// <c>[distutils] index-servers</c> lists the repositories (default "pypi testpypi"); <c>pypi</c> always exists with
/// https://upload.pypi.org/legacy/ and <c>testpypi</c>, when listed, defaults to https://test.pypi.org/legacy/;
/// each listed repository's section may set <c>repository</c>, <c>username</c> and <c>password</c>, and the
/// obsolete <c>[server-login]</c> section gives every repository a default username and password.
/// </summary>
public sealed class Pypirc
{
    public const string PypiUploadUrl = "https://upload.pypi.org/legacy/";
    public const string TestPypiUploadUrl = "https://test.pypi.org/legacy/";
    private const string DefaultSection = "DEFAULT";

    private readonly Dictionary<string, Dictionary<string, string>> _sections;

    private Pypirc(string path, bool exists, Dictionary<string, Dictionary<string, string>> sections)
    {
        Path = path;
        Exists = exists;
        _sections = sections;
        IndexServers = (Get("distutils", "index-servers") ?? "pypi testpypi").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Where the file is (or would be): <c>$HOME/.pypirc</c>.</summary>
    public string Path { get; }

    public bool Exists { get; }

    /// <summary>The repository names <c>[distutils] index-servers</c> lists.</summary>
    public IReadOnlyList<string> IndexServers { get; }

    public static Pypirc Load(Func<string, string?> environment)
    {
        var home = environment("HOME") ?? "";
        var path = System.IO.Path.Combine(home, ".pypirc");
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : new Pypirc(path, false, []);
    }

    public static Pypirc Parse(string text, string path)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? section = null;
        string? lastKey = null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';') continue;
            if (char.IsWhiteSpace(line[0]) && section is not null && lastKey is not null)
            {
                section[lastKey] = section[lastKey].Length == 0 ? trimmed : section[lastKey] + "\n" + trimmed;
                continue;
            }
            if (trimmed[0] == '[' && trimmed.EndsWith(']'))
            {
                var name = trimmed[1..^1];
                if (!sections.TryGetValue(name, out section)) sections[name] = section = new Dictionary<string, string>(StringComparer.Ordinal);
                lastKey = null;
                continue;
            }
            if (section is null) throw CrossdockException.ForFile(path, $"line {i + 1}: an option before any [section] header");
            var delimiter = trimmed.IndexOfAny(['=', ':']);
            if (delimiter <= 0) throw CrossdockException.ForFile(path, $"line {i + 1}: expected 'name = value'");
            lastKey = trimmed[..delimiter].Trim().ToLowerInvariant();
            section[lastKey] = trimmed[(delimiter + 1)..].Trim();
        }
        return new Pypirc(path, true, sections);
    }

    /// <summary>The repository <paramref name="name"/> as twine's get_config gives it; null when twine would say "missing section".</summary>
    public PypircRepository? Repository(string name)
    {
        var listed = IndexServers.Contains(name, StringComparer.Ordinal);
        string? url = name switch
        {
            "pypi" => PypiUploadUrl,
            "testpypi" when listed => TestPypiUploadUrl,
            _ => null,
        };
        var hasOwnOption = false;
        string? Option(string key)
        {
            if (!listed || !_sections.ContainsKey(name) || Get(name, key) is not { } value) return null;
            hasOwnOption = true;
            return value;
        }
        url = Option("repository") ?? url;
        var username = Option("username") ?? Get("server-login", "username");
        var password = Option("password") ?? Get("server-login", "password");
        if (url is null && !hasOwnOption) return null;
        return new PypircRepository(name, url, username, password);
    }

    /// <summary>Every password the file holds, listed repository or not: what error messages must never show.</summary>
    public IEnumerable<string> Passwords =>
        _sections.Values.Select(options => options.GetValueOrDefault("password")).OfType<string>().Where(p => p.Length > 0);

    /// <summary>The listed repository whose upload URL is <paramref name="url"/> (ignoring a trailing slash), if any.</summary>
    public PypircRepository? RepositoryWithUrl(Uri url) =>
        IndexServers.Append("pypi").Distinct(StringComparer.Ordinal).Select(Repository)
            .FirstOrDefault(r => r?.Url is { } u && Uri.TryCreate(u, UriKind.Absolute, out var parsed) && SameUrl(parsed, url));

    private string? Get(string section, string key)
    {
        if (_sections.TryGetValue(section, out var values) && values.TryGetValue(key, out var value)) return value;
        return _sections.TryGetValue(DefaultSection, out var defaults) && _sections.ContainsKey(section) && defaults.TryGetValue(key, out var fallback) ? fallback : null;
    }

    private static bool SameUrl(Uri a, Uri b) =>
        string.Equals(a.GetLeftPart(UriPartial.Path).TrimEnd('/'), b.GetLeftPart(UriPartial.Path).TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
