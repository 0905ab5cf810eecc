namespace Crossdock.Cli;

/// <summary>
/// Everything a command reads from its surroundings, passed in rather than taken from globals so that tests
/// can run commands in parallel, each with its own output and environment.
/// </summary>
public sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> Environment,
    bool OutputIsTerminal,
    CancellationToken Cancellation)
{
    public static CliContext FromProcess()
    {
        var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl-C asks the running step to stop cleanly (temporary files removed); a second one kills.
            if (cancellation.IsCancellationRequested) return;
            e.Cancel = true;
            cancellation.Cancel();
        };
        return new CliContext(Console.Out, Console.Error, ProcessEnvironment, !Console.IsOutputRedirected, cancellation.Token);
    }

    /// <summary>
    /// The process's environment: the one place crossdock reads it. HOME (where ~/.npmrc and ~/.pypirc live) falls
    /// back to the user's profile folder when unset or empty, as on Windows, which sets USERPROFILE instead.
    /// </summary>
    private static string? ProcessEnvironment(string name)
    {
        var value = System.Environment.GetEnvironmentVariable(name);
        return name == "HOME" && string.IsNullOrEmpty(value) ? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile) : value;
    }

    /// <summary>A context with captured output and a fixed environment, for tests and embedding.</summary>
    public static CliContext Captured(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string>? environment = null) =>
        new(output, error, name => environment is not null && environment.TryGetValue(name, out var v) ? v : null, false, CancellationToken.None);
}
