using System.Diagnostics;
using System.Text;

namespace Crossdock.Core.Publishing;

/// <summary>
/// Runs a registry's own client (npm publish, dotnet nuget push) to its end and returns what it printed, stdout and
/// stderr interleaved as they came, for the caller to mask and show. Ctrl-C kills the client and its children.
/// </summary>
public static class ClientProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start, string name, CancellationToken cancellation)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new CrossdockException($"could not start {name}");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        lock (output) return (process.ExitCode, output.ToString());
    }
}
