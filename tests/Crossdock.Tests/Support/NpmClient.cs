namespace Crossdock.Tests.Support;

/// <summary>The real npm client, run against a test registry with an isolated user config and cache.</summary>
public static class NpmClient
{
    public static string Executable => Tools.Require("npm");

    public static ProcessResult Run(IReadOnlyDictionary<string, string?> environment, string workingDirectory, params string[] args) =>
        ProcessRunner.Run(Executable, args, workingDirectory, environment, timeout: TimeSpan.FromMinutes(3));

    public static ProcessResult RunOk(IReadOnlyDictionary<string, string?> environment, string workingDirectory, params string[] args)
    {
        var result = Run(environment, workingDirectory, args);
        Assert.True(result.ExitCode == 0, $"npm {string.Join(' ', args)} exited {result.ExitCode}\n{result.Output}");
        return result;
    }
}
