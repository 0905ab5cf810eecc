namespace Crossdock.Tests.Support;

/// <summary>
/// A plain static file server on 127.0.0.1 for the installers' tests: GET /NAME answers the file NAME of one folder,
/// anything else 404, as GitHub's release download URLs do (no listing, no redirects needed for loopback).
/// </summary>
public sealed class StaticFileServer : IDisposable
{
    private readonly LoopbackHttpServer _server;
    private int _requests;

    public StaticFileServer(string folder)
    {
        _server = new LoopbackHttpServer(request =>
        {
            Interlocked.Increment(ref _requests);
            var name = Uri.UnescapeDataString(request.Path.TrimStart('/'));
            var file = Path.Combine(folder, name);
            if (request.Method != "GET" || name.Contains('/') || name.Contains("..") || !File.Exists(file))
            {
                return Task.FromResult(new HttpResponseData(404, "Not Found", "text/plain", "Not Found"u8.ToArray()));
            }
            return Task.FromResult(new HttpResponseData(200, "OK", "application/octet-stream", File.ReadAllBytes(file)));
        });
    }

    public string Url => $"http://127.0.0.1:{_server.Port}";

    /// <summary>How many requests reached the server.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public void Dispose() => _server.Dispose();
}
