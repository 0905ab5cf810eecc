using System.Text.RegularExpressions;

namespace Crossdock.Channels.Npm;

/// <summary>
/// The user's npm config (<c>~/.npmrc</c>, or the file NPM_CONFIG_USERCONFIG names): <c>key=value</c> lines with
/// <c>${VAR}</c> expansion, as npm reads it. crossdock needs two things from it: the default registry and the
/// <c>//host/path/:_authToken</c> for a registry.
/// </summary>
public sealed partial class NpmrcFile(IReadOnlyDictionary<string, string> values)
{
    public static NpmrcFile Load(Func<string, string?> environment)
    {
        var path = environment("NPM_CONFIG_USERCONFIG") ?? environment("npm_config_userconfig")
            ?? Path.Combine(environment("HOME") ?? "", ".npmrc");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] is '#' or ';') continue;
                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0) continue;
                var value = line[(equals + 1)..].Trim().Trim('"');
                values[line[..equals].Trim()] = Variable().Replace(value, m => environment(m.Groups[1].Value) ?? "");
            }
        }
        return new NpmrcFile(values);
    }

    public string? Registry => values.GetValueOrDefault("registry");

    /// <summary>
    /// The auth token for <paramref name="registry"/>: the <c>//host[:port]/path/:_authToken</c> entry whose path is the
    /// longest prefix of the registry's path (npm's "nerf dart" matching).
    /// </summary>
    public string? TokenFor(Uri registry)
    {
        var host = registry.IsDefaultPort ? registry.Host : $"{registry.Host}:{registry.Port}";
        var path = registry.AbsolutePath;
        while (true)
        {
            if (values.TryGetValue($"//{host}{path}:_authToken", out var token) && token.Length > 0) return token;
            if (path == "/") return null;
            path = path.TrimEnd('/');
            path = path[..(path.LastIndexOf('/') + 1)];
        }
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();
}
