using System.Net.Http.Headers;
using System.Text;
using Crossdock.Core;
using Crossdock.Core.Publishing;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// Uploads wheels through the legacy upload API that twine uses (one multipart POST per file, the file streamed
/// from disk), retrying broken exchanges and 5xx replies, and deciding about "file already exists" the way
/// twine's --skip-existing does — but only after the repository's simple index confirms the stored file has
/// the same sha256, so a different file under the same name is never taken for a finished upload.
/// </summary>
public sealed class PypiUploader(PypiDestination destination, HttpClient http, PublishOutput output, UploadRetryPolicy retry)
{
    private static readonly ProductInfoHeaderValue UserAgent = new("crossdock", CrossdockVersion.Current);

    private PypiCredentials Credentials => destination.Credentials;

    public async Task<IReadOnlyList<PublishResult>> UploadAsync(IReadOnlyList<UploadForm> forms, bool skipExisting, bool dryRun, CancellationToken cancellation)
    {
        var how = Credentials.Source is { } source ? $"as {Credentials.Username} with the password from {source}" : "without a token";
        output.Line($"{(dryRun ? "would upload" : "uploading")} {forms.Count} wheel(s) to {destination.Label} {how}");
        if (Credentials.Password is null)
        {
            var hint = $"set PYPI_TOKEN (or TWINE_PASSWORD), or a password in ~/.pypirc, for {destination.UploadUrl}";
            if (!dryRun) throw new CrossdockException($"nothing was uploaded: no PyPI token: {hint}");
            output.Line($"no PyPI token found: the real run would stop here ({hint})");
        }

        var results = new List<PublishResult>();
        for (var i = 0; i < forms.Count; i++)
        {
            var form = forms[i];
            var label = $"[{i + 1}/{forms.Count}] {form.FileName}";
            if (dryRun)
            {
                output.Line($"{label}: would upload ({TransferProgress.Size(form.Digests.Size)}, sha256 {form.Digests.Sha256})");
                results.Add(Result(form, PublishStatus.WouldPublish, destination.UploadUrl.ToString()));
                continue;
            }
            try
            {
                var result = await UploadOneAsync(form, label, skipExisting, cancellation);
                output.Line($"{label}: {result.Detail}");
                results.Add(result);
            }
            catch (CrossdockException e) when (results.Count > 0)
            {
                var done = results.Count(r => r.Status == PublishStatus.Published);
                throw new CrossdockException($"{e.Message} ({done} wheel(s) were uploaded before it; once it is fixed, run again with --skip-existing to finish the release)", e.ExitCode, e);
            }
        }
        return results;
    }

    private async Task<PublishResult> UploadOneAsync(UploadForm form, string label, bool skipExisting, CancellationToken cancellation)
    {
        // Set once an attempt failed in a way that may have stored the file anyway (the reply was lost or a
        // proxy gave up after the upload had gone through); a later "already exists" may then be our own upload.
        var mayHaveLanded = false;
        for (var attempt = 1; ; attempt++)
        {
            var (reply, failure) = await SendAsync(form, label, cancellation);
            if (reply is { Succeeded: true })
            {
                return Result(form, PublishStatus.Published, $"uploaded ({TransferProgress.Size(form.Digests.Size)}, sha256 {form.Digests.Sha256})");
            }
            var retryable = reply is null ? UploadRetryPolicy.IsRetryable(failure!) : UploadRetryPolicy.IsRetryable(reply.Status);
            var problem = reply is null ? Credentials.Mask(Describe(failure!)) : $"{reply.StatusText}: {Credentials.Mask(reply.Message)}";
            if (retryable && attempt < retry.Attempts)
            {
                var wait = retry.DelayBefore(attempt + 1, reply?.RetryAfter);
                output.Line($"{label}: {problem}; trying again in {wait.TotalSeconds:0.#} s (attempt {attempt + 1} of {retry.Attempts})");
                mayHaveLanded = true;
                await Task.Delay(wait, cancellation);
                continue;
            }
            if (reply is null || retryable)
            {
                throw CrossdockException.ForFile(form.FileName, $"upload to {destination.UploadUrl} failed after {attempt} attempt(s): {problem}");
            }
            if (reply.SaysFileExists) return await ExistingFileAsync(form, problem, skipExisting, mayHaveLanded, cancellation);
            if ((int)reply.Status is >= 300 and < 400)
            {
                throw CrossdockException.ForFile(form.FileName, $"{destination.UploadUrl} redirected the upload ({problem}); use the upload URL itself as --repository-url");
            }
            var authHint = (int)reply.Status is 401 or 403
                ? $" (the credentials were rejected: user {Credentials.Username}, password from {Credentials.Source ?? "nowhere"})"
                : "";
            throw CrossdockException.ForFile(form.FileName, $"{destination.UploadUrl} refused the upload with {problem}{authHint}");
        }
    }

    /// <summary>The server says the file name is taken: a skip, a finished retry, or an error, by the stored file's sha256.</summary>
    private async Task<PublishResult> ExistingFileAsync(UploadForm form, string problem, bool skipExisting, bool mayHaveLanded, CancellationToken cancellation)
    {
        var index = new SimpleIndex(SimpleIndex.For(destination.UploadUrl), Credentials, destination.UploadUrl, http);
        var lookup = await index.FindAsync(form.NormalizedName, form.FileName, cancellation);
        if (lookup.Sha256 == form.Digests.Sha256)
        {
            if (mayHaveLanded) return Result(form, PublishStatus.Published, $"uploaded (an earlier attempt reached the server though its reply was lost; the index has the same sha256 {form.Digests.Sha256})");
            if (skipExisting) return Result(form, PublishStatus.Skipped, "already on the server with the same sha256, skipped");
            throw new CrossdockException($"{form.FileName} is already on {destination.UploadUrl} with the same contents ({problem}); pass --skip-existing to skip files already uploaded");
        }
        if (lookup.Sha256 is { } stored)
        {
            throw new CrossdockException($"{form.FileName} is already on {destination.UploadUrl} with different contents (sha256 {stored} there, {form.Digests.Sha256} here); a file name can never be reused on PyPI: release a new version");
        }
        if (skipExisting) return Result(form, PublishStatus.Skipped, $"the server says it already exists, skipped; its contents could not be compared ({lookup.Problem})");
        throw CrossdockException.ForFile(form.FileName, $"{destination.UploadUrl} refused the upload with {problem}; pass --skip-existing to skip files already uploaded");
    }

    /// <summary>One POST with a fresh body; a reply, or the exception that broke the exchange.</summary>
    private async Task<(UploadReply? Reply, Exception? Failure)> SendAsync(UploadForm form, string label, CancellationToken cancellation)
    {
        var file = new FileStream(form.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var progress = output.Transfer(label, file.Length);
        try
        {
            using var content = Content(form, new ProgressStream(file, progress));
            using var request = new HttpRequestMessage(HttpMethod.Post, destination.UploadUrl) { Content = content };
            request.Headers.UserAgent.Add(UserAgent);
            if (Credentials.Password is { } password) request.Headers.Authorization = SimpleIndex.BasicAuthorization(Credentials.Username, password.Reveal());
            using var response = await http.SendAsync(request, cancellation);
            return (await UploadReply.ReadAsync(response, cancellation), null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellation.IsCancellationRequested))
        {
            return (null, e is TaskCanceledException ? new TimeoutException($"no reply within {http.Timeout.TotalMinutes:0} minutes", e) : e);
        }
        finally
        {
            progress.Complete();
            await file.DisposeAsync();
        }
    }

    /// <summary>
    /// The multipart body as twine sends it: one form-data part per field (no content type, UTF-8 values,
    /// repeated names for lists), then the file as <c>content</c> with its name and application/octet-stream.
    /// The boundary is sent unquoted, as twine does, for servers that do not unquote it.
    /// </summary>
    private static MultipartFormDataContent Content(UploadForm form, Stream file)
    {
        var boundary = "crossdock-" + Guid.NewGuid().ToString("N");
        var content = new MultipartFormDataContent(boundary);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        foreach (var (name, value) in form.Fields)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name) };
            content.Add(part);
        }
        var data = new StreamContent(file, 1 << 16);
        data.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        data.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote("content"), FileName = Quote(form.FileName) };
        content.Add(data);
        return content;
    }

    private static string Quote(string value) => $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    private static string Describe(Exception failure)
    {
        // Inner exceptions often repeat their parent's words ("Connection reset by peer" twice): say each once.
        var messages = new List<string>();
        for (var e = failure; e is not null; e = e.InnerException)
        {
            var message = e.Message.Trim().TrimEnd('.');
            if (message.Length > 0 && !messages.Any(m => m.Contains(message, StringComparison.Ordinal))) messages.Add(message);
        }
        return string.Join(": ", messages).ReplaceLineEndings(" ");
    }

    private static PublishResult Result(UploadForm form, PublishStatus status, string detail) => new(form.FilePath, form.Name, form.Version, status, detail);
}
