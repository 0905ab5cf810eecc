using Crossdock.Channels.Pypi;
using Crossdock.Core.Publishing;

namespace Crossdock.Tests.Channels.Pypi;

/// <summary>Progress of an upload: redrawn in place on a terminal, quarter lines for large files in a log.</summary>
public sealed class UploadProgressTests
{
    [Fact]
    public void On_a_terminal_one_line_is_redrawn_and_erased_at_the_end()
    {
        using var output = new StringWriter();
        var progress = new TransferProgress(output, isTerminal: true, "[1/1] x.whl", 2 << 20);

        progress.Report(0);
        progress.Report(1 << 20); // within 100 ms of the first draw: skipped
        progress.Report(2 << 20); // the end is always drawn
        progress.Complete();

        Assert.Equal("\r[1/1] x.whl:   0% 0.0 kB of 2.0 MB\u001b[K\r[1/1] x.whl: 100% 2.0 MB of 2.0 MB\u001b[K\r\u001b[2K", output.ToString());
        Assert.DoesNotContain('\n', output.ToString());
    }

    [Fact]
    public void In_a_log_a_large_file_gets_a_line_per_quarter_and_a_small_one_none()
    {
        using var large = new StringWriter();
        var progress = new TransferProgress(large, isTerminal: false, "big.whl", 16 << 20);
        for (long sent = 0; sent <= 16 << 20; sent += 1 << 18) progress.Report(sent);
        progress.Complete();
        using var small = new StringWriter();
        var quiet = new TransferProgress(small, isTerminal: false, "small.whl", 1 << 20);
        quiet.Report(1 << 19);
        quiet.Report(1 << 20);

        Assert.Equal(
            "big.whl: 25% sent (4.0 MB of 16.0 MB)\nbig.whl: 50% sent (8.0 MB of 16.0 MB)\nbig.whl: 75% sent (12.0 MB of 16.0 MB)\nbig.whl: 100% sent (16.0 MB of 16.0 MB)\n",
            large.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("", small.ToString());
    }

    [Fact]
    public void The_progress_stream_reports_each_read_position_and_keeps_the_length_for_content_length()
    {
        var reports = new List<long>();
        using var stream = new ProgressStream(new MemoryStream(new byte[10]), new SyncProgress(reports.Add));
        var buffer = new byte[4];

        while (stream.Read(buffer) > 0)
        {
        }

        Assert.Equal([4L, 8, 10, 10], reports);
        Assert.True(stream.CanSeek);
        Assert.Equal(10, stream.Length);
    }

    [Theory]
    [InlineData(400, "File already exists ('a.whl', with blake2_256 hash 'x').", true)]
    [InlineData(409, "Conflict", true)]
    [InlineData(400, "Repository does not allow updating assets: pypi-hosted", true)]
    [InlineData(403, "Not enough permissions to delete/overwrite artifact", true)]
    [InlineData(400, "Validation failed: File name has already been taken", true)]
    [InlineData(400, "Invalid value for version.", false)]
    [InlineData(403, "Invalid or non-existent authentication information.", false)]
    public void Already_exists_replies_are_recognized_like_twine_does(int status, string message, bool exists)
    {
        Assert.Equal(exists, new UploadReply((System.Net.HttpStatusCode)status, message, null).SaysFileExists);
    }

    [Fact]
    public void Retries_back_off_exponentially_honour_retry_after_and_stop_at_the_cap()
    {
        var policy = new UploadRetryPolicy(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

        Assert.Equal([1, 2, 4, 5], new[] { 2, 3, 4, 5 }.Select(a => policy.DelayBefore(a, null).TotalSeconds));
        Assert.Equal(3, policy.DelayBefore(2, TimeSpan.FromSeconds(3)).TotalSeconds);
        Assert.Equal(5, policy.DelayBefore(2, TimeSpan.FromHours(1)).TotalSeconds);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the reports in order, at once.</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
