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

    /// <summary>Publishes every tarball of a release's npm folder with real npm: the platform packages first, the main package last.</summary>
    public static void PublishRelease(IReadOnlyDictionary<string, string?> environment, string workingDirectory, string npmFolder, string mainTarball, params string[] extra)
    {
        foreach (var tarball in Directory.GetFiles(npmFolder, "*.tgz").Where(t => t != mainTarball).Append(mainTarball))
        {
            RunOk(environment, workingDirectory, ["publish", tarball, .. extra]);
        }
    }

    /// <summary>A new consumer project in <paramref name="folder"/> with <paramref name="spec"/> installed from the registry.</summary>
    public static string InstallInNewProject(IReadOnlyDictionary<string, string?> environment, string folder, string spec, params string[] extra)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "package.json"), """{ "name": "consumer", "version": "1.0.0", "private": true }""");
        RunOk(environment, folder, ["install", spec, .. extra]);
        return folder;
    }
}
