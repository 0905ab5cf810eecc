using System.Net;
using System.Text.Json;
using Crossdock.Core;
using Crossdock.Core.Publishing;

namespace Crossdock.Channels.Npm;

/// <summary>What the registry holds of one package: the integrity of each published version (empty when new).</summary>
/// <param name="Maintainers">The users the package document lists as maintainers (npmjs lists them; Verdaccio does not).</param>
public sealed record RegistryPackage(string Name, bool Exists, IReadOnlyDictionary<string, string?> VersionIntegrity, IReadOnlyList<string> Maintainers);

/// <summary>
/// Read-only calls to an npm registry's HTTP API, for the preflight and for resuming: the package document
/// (GET /{name}) and who the token belongs to (GET /-/whoami).
/// </summary>
public sealed class NpmRegistryClient(Uri registry, Secret? token, HttpClient http)
{
    public async Task<RegistryPackage> GetPackageAsync(string name, CancellationToken cancellation)
    {
        using var request = Request(HttpMethod.Get, Uri.EscapeDataString(name).Replace("%40", "@", StringComparison.Ordinal));
        using var response = await Send(request, cancellation);
        if (response.StatusCode == HttpStatusCode.NotFound) return new RegistryPackage(name, false, new Dictionary<string, string?>(), []);
        await EnsureSuccess(response, $"reading {name}", cancellation);
        using var document = await ParseAsync(response, $"the document of {name}", cancellation);
        var versions = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (document.RootElement.TryGetProperty("versions", out var all) && all.ValueKind == JsonValueKind.Object)
        {
            foreach (var version in all.EnumerateObject())
            {
                versions[version.Name] = version.Value.ValueKind == JsonValueKind.Object && version.Value.TryGetProperty("dist", out var dist)
                    && dist.ValueKind == JsonValueKind.Object && dist.TryGetProperty("integrity", out var integrity) && integrity.ValueKind == JsonValueKind.String
                    ? integrity.GetString()
                    : null;
            }
        }
        var maintainers = document.RootElement.TryGetProperty("maintainers", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()
                : m.ValueKind == JsonValueKind.String ? m.GetString() : null).OfType<string>().ToList()
            : [];
        return new RegistryPackage(name, true, versions, maintainers);
    }

    /// <summary>
    /// Whether <paramref name="user"/> may publish <paramref name="name"/>: npmjs answers with the package's
    /// collaborators (teams included); where the registry has no such endpoint, the document's maintainers decide,
    /// and with neither the answer is "yes" (the registry will have the last word).
    /// </summary>
    public async Task<bool> CanPublishAsync(RegistryPackage package, string user, CancellationToken cancellation)
    {
        if (!package.Exists) return true;
        using var request = Request(HttpMethod.Get, $"-/package/{Uri.EscapeDataString(package.Name).Replace("%40", "@", StringComparison.Ordinal)}/collaborators");
        using var response = await Send(request, cancellation);
        if (response.IsSuccessStatusCode)
        {
            using var document = await ParseAsync(response, $"the collaborators of {package.Name}", cancellation);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(user, out var access)
                && access.ValueKind == JsonValueKind.String && access.GetString() is "read-write" or "write";
        }
        return package.Maintainers.Count == 0 || package.Maintainers.Contains(user, StringComparer.Ordinal);
    }

    /// <summary>The user the token authenticates, or an error when the registry rejects it.</summary>
    public async Task<string> WhoAmIAsync(CancellationToken cancellation)
    {
        using var request = Request(HttpMethod.Get, "-/whoami");
        using var response = await Send(request, cancellation);
        await EnsureSuccess(response, "checking the token (GET /-/whoami)", cancellation);
        using var document = await ParseAsync(response, "the answer to GET /-/whoami", cancellation);
        // npmjs answers 401 for a bad token; Verdaccio answers 200 with no username. Both mean "not you".
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("username", out var user)
            && user.ValueKind == JsonValueKind.String && user.GetString() is { Length: > 0 } name
            ? name
            : throw new CrossdockException($"npm registry {registry}: the token was rejected (GET /-/whoami names no user); set NODE_AUTH_TOKEN or NPM_TOKEN, or log in with npm");
    }

    /// <summary>A registry answer as JSON; anything else (a proxy's HTML page, a wrong URL) is one clear error.</summary>
    private async Task<JsonDocument> ParseAsync(HttpResponseMessage response, string what, CancellationToken cancellation)
    {
        try
        {
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellation), cancellationToken: cancellation);
        }
        catch (JsonException)
        {
            throw new CrossdockException($"npm registry {registry}: {what} is not JSON ({response.Content.Headers.ContentType?.MediaType ?? "no content type"}); is --registry an npm registry?");
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(registry, path));
        request.Headers.Accept.ParseAdd("application/json");
        if (token is not null) request.Headers.Authorization = new("Bearer", token.Reveal());
        return request;
    }

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request, CancellationToken cancellation)
    {
        try
        {
            return await http.SendAsync(request, cancellation);
        }
        catch (HttpRequestException e)
        {
            throw new CrossdockException($"npm registry {registry} is unreachable: {Mask(e.Message)}");
        }
    }

    private async Task EnsureSuccess(HttpResponseMessage response, string what, CancellationToken cancellation)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellation);
        var reason = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? "the token was rejected (set NODE_AUTH_TOKEN or NPM_TOKEN, or log in with npm)"
            : Mask(body.Length > 300 ? body[..300] : body).Trim();
        throw new CrossdockException($"npm registry {registry}: {what} failed with HTTP {(int)response.StatusCode}: {reason}");
    }

    private string Mask(string text) => token?.Mask(text) ?? text;
}
