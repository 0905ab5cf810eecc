using Crossdock.Cli;

namespace Crossdock.Tests.Support;

/// <summary>Runs crossdock's CLI in-process with its own output and environment, as a user would call it.</summary>
public static class CrossdockRunner
{
    public static ProcessResult Run(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CrossdockCli.Run(args, CliContext.Captured(output, error, WithSearchPath(environment)));
        return new ProcessResult(exit, output.ToString(), error.ToString());
    }

    public static ProcessResult Run(params string[] args) => Run(null, args);

    /// <summary>
    /// The test's environment plus this process's PATH, as a shell would give it: crossdock finds npm through the
    /// environment its context gives it, and a test that sets only tokens still means the machine's npm.
    /// </summary>
    private static Dictionary<string, string> WithSearchPath(IReadOnlyDictionary<string, string>? environment)
    {
        var merged = new Dictionary<string, string>(environment ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (!merged.ContainsKey("PATH") && Environment.GetEnvironmentVariable("PATH") is { } path) merged["PATH"] = path;
        return merged;
    }

    public static ProcessResult RunOk(params string[] args) => RunOk(null, args);

    public static ProcessResult RunOk(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var result = Run(environment, args);
        Assert.True(result.ExitCode == 0, $"crossdock {string.Join(' ', args)} exited {result.ExitCode}\n{result.Stderr}{result.Stdout}");
        return result;
    }

    /// <summary>
    /// Runs the built crossdock executable as its own process in <paramref name="workingDirectory"/>, for what
    /// depends on the current folder (a ./crossdock.toml) and for shells that call crossdock themselves.
    /// </summary>
    public static ProcessResult RunIn(string workingDirectory, params string[] args) =>
        ProcessRunner.Run(Executable, args, workingDirectory);

    /// <summary>The crossdock app host the test build copies beside the tests.</summary>
    public static string Executable { get; } = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "crossdock.exe" : "crossdock");
}
