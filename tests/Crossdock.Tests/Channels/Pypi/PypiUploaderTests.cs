using Crossdock.Channels.Pypi;
using Crossdock.Core;
using Crossdock.Core.Publishing;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Pypi;

/// <summary>PypiUploader on its own, with a fast retry policy and a file larger than the packed wheels.</summary>
public sealed class PypiUploaderTests : IDisposable
{
    private static readonly UploadRetryPolicy Fast = new(3, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50));
    private readonly PackedRelease _release = PypiPublishing.ReleaseOf("x86_64-unknown-linux-gnu");
    private readonly FakePypiServer _server = new();
    private readonly StringWriter _log = new();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _server.Dispose();
        _release.Dispose();
        _log.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task Gives_up_after_the_last_attempt_and_says_how_often_it_tried()
    {
        for (var i = 1; i <= 3; i++) _server.FailUpload(i, InjectedFailure.ServiceUnavailable);

        var error = await Assert.ThrowsAsync<CrossdockException>(() => Uploader().UploadAsync([UploadForm.Read(_release.Wheel("x86_64"))], false, false, TestContext.Current.CancellationToken));

        Assert.EndsWith("failed after 3 attempt(s): HTTP 503: upstream connect error or disconnect/reset before headers", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _server.Uploads.Count);
        Assert.Empty(_server.Files);
    }

    [Fact]
    public async Task A_large_upload_is_streamed_intact_and_reports_progress_by_quarters_in_a_log()
    {
        var form = LargeForm(9 << 20);

        var results = await Uploader().UploadAsync([form], false, false, TestContext.Current.CancellationToken);

        Assert.Equal(PublishStatus.Published, Assert.Single(results).Status);
        Assert.Equal(File.ReadAllBytes(form.FilePath), _server.Files[form.FileName].Content);
        var lines = _log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["25%", "50%", "75%", "100%"], lines.Where(l => l.Contains("% sent (", StringComparison.Ordinal)).Select(l => l.Split(": ")[1].Split(' ')[0]));
        Assert.StartsWith($"[1/1] {form.FileName}: uploaded (9.0 MB, sha256 {form.Digests.Sha256})", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_file_whose_hash_cannot_be_checked_is_skipped_with_a_note_only_when_asked()
    {
        using var server = new FakePypiServer { ServesIndex = false };
        var form = UploadForm.Read(_release.Wheel("x86_64"));
        server.Preload(form.FileName, File.ReadAllBytes(form.FilePath));

        var error = await Assert.ThrowsAsync<CrossdockException>(() => Uploader(server).UploadAsync([form], false, false, TestContext.Current.CancellationToken));
        var skipped = await Uploader(server).UploadAsync([form], true, false, TestContext.Current.CancellationToken);

        Assert.Contains("refused the upload with HTTP 400: File already exists", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("pass --skip-existing to skip files already uploaded", error.Message, StringComparison.Ordinal);
        Assert.Equal(PublishStatus.Skipped, Assert.Single(skipped).Status);
        Assert.Equal($"the server says it already exists, skipped; its contents could not be compared ({server.IndexUrl}my-tool/ answered HTTP 404)", skipped[0].Detail);
    }

    private PypiUploader Uploader(FakePypiServer? server = null)
    {
        server ??= _server;
        var destination = new PypiDestination(new Uri(server.UploadUrl), "test", Credentials(server.Token));
        return new PypiUploader(destination, _http, new PublishOutput(_log, false, destination.Credentials.Mask), Fast);
    }

    private static PypiCredentials Credentials(string token) => new(PypiCredentials.TokenUsername, new Secret(token), "test");

    /// <summary>The host wheel's form with its file replaced by a large random one (the server checks digests, not zips).</summary>
    private UploadForm LargeForm(int size)
    {
        var form = UploadForm.Read(_release.Wheel("x86_64"));
        var big = _release.Dir["big.whl"];
        var data = new byte[size];
        new Random(1).NextBytes(data);
        File.WriteAllBytes(big, data);
        var digests = FileDigests.Of(big);
        var replaced = new Dictionary<string, string> { ["md5_digest"] = digests.Md5, ["sha256_digest"] = digests.Sha256, ["blake2_256_digest"] = digests.Blake2b256 };
        return form with
        {
            FilePath = big,
            Digests = digests,
            Fields = [.. form.Fields.Select(f => replaced.TryGetValue(f.Key, out var value) ? new KeyValuePair<string, string>(f.Key, value) : f)],
        };
    }
}
