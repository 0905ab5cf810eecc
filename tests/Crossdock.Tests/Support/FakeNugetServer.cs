using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Crossdock.Tests.Support;

/// <summary>One push the server received: the package it held (null when refused before reading) and the status it answered.</summary>
public sealed record RecordedPush(string? Id, string? Version, string? ApiKey, int Status);

/// <summary>
/// A NuGet V3 push endpoint for tests, on 127.0.0.1 with a free port. A folder feed cannot stand in: `dotnet nuget
/// push` to a folder overwrites and says "The option to skip duplicates is not currently supported for this type of
/// push", so resuming a half-finished push needs an HTTP feed. This one implements what the NuGet server API documents
/// (learn.microsoft.com/nuget/api/package-publish-resource): a service index at <c>/v3/index.json</c> naming a
/// <c>PackagePublish/2.0.0</c> resource; <c>PUT</c> of a multipart body holding the .nupkg with the key in
/// <c>X-NuGet-ApiKey</c>; 201 Created, 403 for a wrong key, and 409 Conflict for an id and version it already has.
/// It can be told to answer every push from the Nth on with 503 (a feed going down midway: NuGet retries a
/// single 503 itself).
/// </summary>
public sealed class FakeNugetServer : IDisposable
{
    public const string ApiKey = "oy2fakenugetkey0123456789abcdefghijklmnopqrstu";

    private readonly LoopbackHttpServer _server;
    private readonly List<RecordedPush> _pushes = [];
    private readonly HashSet<string> _stored = new(StringComparer.OrdinalIgnoreCase);
    private int _pushCount;

    public FakeNugetServer() => _server = new LoopbackHttpServer(HandleAsync);

    /// <summary>The first push (1-based, counting every push request) answered with 503 Service Unavailable, and every one after; 0 for none.</summary>
    public int FailFrom { get; set; }

    public string Source => $"http://127.0.0.1:{_server.Port}/v3/index.json";

    public IReadOnlyList<RecordedPush> Pushes { get { lock (_pushes) return [.. _pushes]; } }

    private async Task<HttpResponseData> HandleAsync(HttpRequestData request)
    {
        if (request.Method == "GET" && request.Path == "/v3/index.json")
        {
            var index = $$"""{"version":"3.0.0","resources":[{"@id":"http://127.0.0.1:{{_server.Port}}/api/v2/package","@type":"PackagePublish/2.0.0"}]}""";
            return new HttpResponseData(200, "OK", "application/json", Encoding.UTF8.GetBytes(index));
        }
        if (request.Method != "PUT" || !request.Path.StartsWith("/api/v2/package", StringComparison.Ordinal)) return Text(404, "Not Found");

        var number = Interlocked.Increment(ref _pushCount);
        var key = request.Header("X-NuGet-ApiKey");
        if (key != ApiKey) return Record(new RecordedPush(null, null, key, 403), Text(403, "Forbidden"));
        var body = await request.ReadBodyAsync();
        if (FailFrom > 0 && number >= FailFrom) return Record(new RecordedPush(null, null, key, 503), Text(503, "Service Unavailable"));
        var boundary = MultipartForm.Boundary(request.Header("Content-Type")) ?? throw new InvalidDataException("not multipart");
        var package = MultipartForm.Parse(body, boundary).Single(p => p.FileName is not null);
        var (id, version) = Identity(package.Data);
        lock (_stored)
        {
            if (!_stored.Add($"{id}/{version}")) return Record(new RecordedPush(id, version, key, 409), Text(409, "Conflict"));
        }
        return Record(new RecordedPush(id, version, key, 201), Text(201, "Created"));
    }

    private HttpResponseData Record(RecordedPush push, HttpResponseData response)
    {
        lock (_pushes) _pushes.Add(push);
        return response;
    }

    private static (string Id, string Version) Identity(byte[] nupkg)
    {
        using var zip = new ZipArchive(new MemoryStream(nupkg), ZipArchiveMode.Read);
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Field(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        return (Field("id"), Field("version"));
    }

    private static HttpResponseData Text(int status, string reason) => new(status, reason, "text/plain", Encoding.UTF8.GetBytes(reason));

    public void Dispose() => _server.Dispose();
}
