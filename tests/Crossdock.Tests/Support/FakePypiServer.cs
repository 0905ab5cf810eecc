using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Konscious.Security.Cryptography;

namespace Crossdock.Tests.Support;

/// <summary>How the fake server should fail one upload request.</summary>
public enum InjectedFailure
{
    /// <summary>Reply 503 without storing anything, as an overloaded proxy would.</summary>
    ServiceUnavailable,

    /// <summary>Close the connection without reading the request or replying.</summary>
    ResetBeforeStoring,

    /// <summary>Store the file, then close the connection without replying: the client never learns it landed.</summary>
    ResetAfterStoring,
}

/// <summary>One upload request as the server received it, and what it decided (0 when it reset the connection before reading it).</summary>
public sealed record RecordedUpload(int Number, string? Username, IReadOnlyList<FormPart> Parts, int Status, string Message)
{
    /// <summary>The text fields in the order they were sent (the file part left out).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields =>
        [.. Parts.Where(p => p.FileName is null).Select(p => new KeyValuePair<string, string>(p.Name, p.Text))];

    public FormPart? Content => Parts.FirstOrDefault(p => p.Name == "content");

    public string? Field(string name) => Parts.FirstOrDefault(p => p.Name == name && p.FileName is null)?.Text;
}

/// <summary>A file the server accepted.</summary>
public sealed record StoredFile(string FileName, string Project, string Version, byte[] Content, string Sha256, string? RequiresPython);

/// <summary>
/// A PyPI upload server for tests, on 127.0.0.1 with a free port. No PyPI server (warehouse, pypiserver, devpi)
/// can be installed on this machine, so this one enforces the rules PyPI documents for the legacy upload API
/// (docs.pypi.org/api/upload and warehouse's forklift, with warehouse's own error messages, in the reason phrase
/// and an HTML body as warehouse sends them):
/// <list type="bullet">
/// <item>HTTP basic auth as <c>__token__</c> with the server's token, else 403;</item>
/// <item><c>:action=file_upload</c> and <c>protocol_version=1</c>;</item>
/// <item>the required fields: name, version, filetype, pyversion, metadata_version, a <c>content</c> file part, and
/// at least one digest;</item>
/// <item>every digest sent (md5, sha256, blake2_256) matches the content;</item>
/// <item>a known metadata version and file type, a .whl for bdist_wheel, and the filename's name and version agree
/// with the form's (PEP 503-normalized names);</item>
/// <item>a file name is never accepted twice: 400 "File already exists". (Warehouse answers 200 for a byte-identical
/// re-upload; pypiserver and older warehouse refuse every duplicate, the stricter case a client must handle.)</item>
/// </list>
/// It can be told to fail the Nth upload request (503, or a reset before or after storing), records every upload
/// request's fields for comparing clients, and serves what it stored as a PEP 503 simple index at /simple/ (file
/// links with #sha256= and data-requires-python), so that real pip can install from it.
/// </summary>
public sealed partial class FakePypiServer : IDisposable
{
    public const string DefaultToken = "pypi-FakeServerToken-9f1c2e7a4b";
    private const string AuthError = "Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth for more information.";

    private static readonly HashSet<string> MetadataVersions = ["1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "2.3", "2.4"];
    private static readonly string[] RequiredFields = ["name", "version", "filetype", "pyversion", "metadata_version"];

    private readonly LoopbackHttpServer _http;
    private readonly object _gate = new();
    private readonly Dictionary<int, InjectedFailure> _failures = [];
    private readonly List<RecordedUpload> _uploads = [];
    private readonly List<string> _requests = [];
    private readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);
    private int _uploadCount;

    public FakePypiServer(string token = DefaultToken)
    {
        Token = token;
        _http = new LoopbackHttpServer(HandleAsync);
    }

    public string Token { get; }

    public int Port => _http.Port;

    public string UploadUrl => $"http://127.0.0.1:{Port}/legacy/";

    public string IndexUrl => $"http://127.0.0.1:{Port}/simple/";

    /// <summary>Quote the password a client sent in the 403 message, as a careless server might: clients must mask it.</summary>
    public bool EchoCredentialsInErrors { get; set; }

    /// <summary>False: answer 404 under /simple/, as an upload-only repository would (clients cannot check hashes).</summary>
    public bool ServesIndex { get; set; } = true;

    /// <summary>Every request, as "METHOD /path".</summary>
    public IReadOnlyList<string> Requests
    {
        get { lock (_gate) return [.. _requests]; }
    }

    /// <summary>Every upload request, failed ones included, in the order received.</summary>
    public IReadOnlyList<RecordedUpload> Uploads
    {
        get { lock (_gate) return [.. _uploads]; }
    }

    /// <summary>The uploads the server accepted and stored, one per stored file.</summary>
    public IReadOnlyList<RecordedUpload> AcceptedUploads => [.. Uploads.Where(u => u.Status == 200)];

    public IReadOnlyDictionary<string, StoredFile> Files
    {
        get { lock (_gate) return new Dictionary<string, StoredFile>(_files); }
    }

    /// <summary>Fails upload request number <paramref name="number"/> (1-based, counting upload POSTs only).</summary>
    public void FailUpload(int number, InjectedFailure failure)
    {
        lock (_gate) _failures[number] = failure;
    }

    /// <summary>Stores a file directly, as if uploaded earlier (to test name reuse with other contents).</summary>
    public void Preload(string fileName, byte[] content)
    {
        var parts = Path.GetFileNameWithoutExtension(fileName).Split('-');
        lock (_gate) _files[fileName] = new StoredFile(fileName, Normalize(parts[0]), parts[1], content, Hex(SHA256.HashData(content)), null);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseData> HandleAsync(HttpRequestData request)
    {
        var path = request.Path.Split('?')[0];
        lock (_gate) _requests.Add($"{request.Method} {path}");
        return (request.Method, path) switch
        {
            ("POST", "/legacy/" or "/legacy") => await HandleUploadAsync(request),
            ("GET", _) when path.StartsWith("/simple/", StringComparison.Ordinal) && ServesIndex => ServeIndex(path["/simple/".Length..]),
            ("GET", _) when path.StartsWith("/files/", StringComparison.Ordinal) => ServeFile(Uri.UnescapeDataString(path["/files/".Length..])),
            _ => Error(404, "Not Found"),
        };
    }

    private async Task<HttpResponseData> HandleUploadAsync(HttpRequestData request)
    {
        InjectedFailure? failure;
        int number;
        lock (_gate)
        {
            number = ++_uploadCount;
            failure = _failures.TryGetValue(number, out var f) ? f : null;
        }
        if (failure == InjectedFailure.ResetBeforeStoring)
        {
            Record(number, null, [], 0, "connection reset before reading the request");
            return HttpResponseData.Reset;
        }

        var body = await request.ReadBodyAsync();
        var (username, password) = BasicCredentials(request.Header("Authorization"));
        var boundary = MultipartForm.Boundary(request.Header("Content-Type"));
        IReadOnlyList<FormPart> parts = [];
        string? problem;
        try
        {
            parts = boundary is null ? [] : MultipartForm.Parse(body, boundary);
            problem = boundary is null ? "Expected a multipart/form-data body." : null;
        }
        catch (InvalidDataException e)
        {
            problem = $"Malformed multipart body: {e.Message}";
        }

        if (failure == InjectedFailure.ServiceUnavailable)
        {
            Record(number, username, parts, 503, "Service Unavailable");
            return new HttpResponseData(503, "Service Unavailable", "text/plain", "upstream connect error or disconnect/reset before headers"u8.ToArray());
        }
        if (username != "__token__" || password != Token)
        {
            var message = EchoCredentialsInErrors ? $"{AuthError} (received user '{username}' with password '{password}')" : AuthError;
            Record(number, username, parts, 403, message);
            return Error(403, message);
        }

        int status;
        string reply;
        lock (_gate)
        {
            (status, reply) = problem is null ? Accept(parts) : (400, problem);
            _uploads.Add(new RecordedUpload(number, username, parts, status, failure == InjectedFailure.ResetAfterStoring ? reply + " (then the connection was reset before the reply)" : reply));
        }
        return failure == InjectedFailure.ResetAfterStoring ? HttpResponseData.Reset : status == 200 ? new HttpResponseData(200, "OK", "text/plain", []) : Error(status, reply);
    }

    /// <summary>The upload rules, in warehouse's order and words; stores the file when they all pass.</summary>
    private (int Status, string Message) Accept(IReadOnlyList<FormPart> parts)
    {
        string? Field(string name) => parts.FirstOrDefault(p => p.Name == name && p.FileName is null)?.Text is { Length: > 0 } v ? v : null;

        if (Field(":action") != "file_upload") return (400, $"Unknown action: {Field(":action") ?? "(none)"}.");
        if (Field("protocol_version") != "1") return (400, "Unknown protocol version.");
        foreach (var required in RequiredFields)
        {
            if (Field(required) is null) return (400, $"Invalid value for {required}. Error: This field is required.");
        }
        if (!MetadataVersions.Contains(Field("metadata_version")!)) return (400, $"'{Field("metadata_version")}' is an invalid value for Metadata-Version. Error: Use a known metadata version.");
        if (Field("filetype") is not ("bdist_wheel" or "sdist")) return (400, "Invalid value for filetype. Error: Use a known file type.");
        if (Field("filetype") == "bdist_wheel" && Field("pyversion") == "source") return (400, "Invalid value for pyversion. Error: Use a known python version for bdist_wheel.");
        var content = parts.FirstOrDefault(p => p.Name == "content" && p.FileName is not null);
        if (content is null) return (400, "Upload payload does not have a file.");
        var digests = new[] { "md5_digest", "sha256_digest", "blake2_256_digest" }.Where(d => Field(d) is not null).ToList();
        if (!digests.Contains("sha256_digest") && !digests.Contains("blake2_256_digest")) return (400, "Include at least one message digest.");

        var computed = new Dictionary<string, string>
        {
            ["md5_digest"] = Hex(MD5.HashData(content.Data)),
            ["sha256_digest"] = Hex(SHA256.HashData(content.Data)),
            ["blake2_256_digest"] = Blake2b256(content.Data),
        };
        if (digests.Any(d => !string.Equals(Field(d), computed[d], StringComparison.OrdinalIgnoreCase)))
        {
            return (400, "The digest supplied does not match a digest calculated from the uploaded file.");
        }

        var fileName = content.FileName!;
        if (Field("filetype") == "bdist_wheel" && !fileName.EndsWith(".whl", StringComparison.Ordinal)) return (400, "Invalid file extension: Use .tar.gz, .whl or .zip extension.");
        var project = Normalize(Field("name")!);
        var nameParts = Path.GetFileNameWithoutExtension(fileName).Split('-');
        if (nameParts.Length < 2 || Normalize(nameParts[0]) != project) return (400, $"Start filename for '{project}' with '{Field("name")!.Replace('-', '_')}'.");
        if (!string.Equals(nameParts[1], Field("version"), StringComparison.OrdinalIgnoreCase)) return (400, $"Version in filename should be '{Field("version")}' not '{nameParts[1]}'.");
        if (_files.ContainsKey(fileName))
        {
            return (400, $"File already exists ('{fileName}', with blake2_256 hash '{computed["blake2_256_digest"]}'). See https://pypi.org/help/#file-name-reuse for more information.");
        }
        _files[fileName] = new StoredFile(fileName, project, Field("version")!, content.Data, computed["sha256_digest"], Field("requires_python"));
        return (200, "OK");
    }

    /// <summary>PEP 503: /simple/ lists projects, /simple/{normalized}/ links each file with #sha256= and data-requires-python.</summary>
    private HttpResponseData ServeIndex(string rest)
    {
        List<StoredFile> files;
        lock (_gate) files = [.. _files.Values.OrderBy(f => f.FileName, StringComparer.Ordinal)];
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta name=\"pypi:repository-version\" content=\"1.0\"></head><body>\n");
        if (rest.Length == 0)
        {
            foreach (var project in files.Select(f => f.Project).Distinct()) html.Append($"<a href=\"/simple/{project}/\">{project}</a>\n");
        }
        else
        {
            var project = rest.TrimEnd('/');
            if (Normalize(project) != project || !rest.EndsWith('/')) return new HttpResponseData(301, "Moved Permanently", "text/plain", [], $"/simple/{Normalize(project)}/");
            var listed = files.Where(f => f.Project == project).ToList();
            if (listed.Count == 0) return Error(404, "Not Found");
            foreach (var file in listed)
            {
                var requires = file.RequiresPython is { } r ? $" data-requires-python=\"{WebUtility.HtmlEncode(r)}\"" : "";
                html.Append($"<a href=\"/files/{Uri.EscapeDataString(file.FileName)}#sha256={file.Sha256}\"{requires}>{WebUtility.HtmlEncode(file.FileName)}</a>\n");
            }
        }
        html.Append("</body></html>\n");
        return new HttpResponseData(200, "OK", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html.ToString()));
    }

    private HttpResponseData ServeFile(string fileName)
    {
        StoredFile? file;
        lock (_gate) file = _files.GetValueOrDefault(fileName);
        return file is null ? Error(404, "Not Found") : new HttpResponseData(200, "OK", "application/octet-stream", file.Content);
    }

    private void Record(int number, string? username, IReadOnlyList<FormPart> parts, int status, string message)
    {
        lock (_gate) _uploads.Add(new RecordedUpload(number, username, parts, status, message));
    }

    /// <summary>An error as warehouse (Pyramid) sends it: the message as the reason phrase and in an HTML page.</summary>
    private static HttpResponseData Error(int status, string message)
    {
        var encoded = WebUtility.HtmlEncode(message);
        var html = $"<html>\n <head>\n  <title>{status} {encoded}</title>\n </head>\n <body>\n  <h1>{status} {encoded}</h1>\n  {encoded}<br/><br/>\n </body>\n</html>";
        return new HttpResponseData(status, message, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));
    }

    private static (string? Username, string? Password) BasicCredentials(string? header)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return (null, null);
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (decoded, null) : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    public static string Normalize(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    private static string Blake2b256(byte[] data)
    {
        using var blake2b = new HMACBlake2B(256);
        return Hex(blake2b.ComputeHash(data));
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();
}
