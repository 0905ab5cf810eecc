using System.Text.RegularExpressions;

namespace Crossdock.Tests.Support;

/// <summary>Runs <c>crossdock publish pypi</c> for a packed release with its own HOME (no ~/.pypirc of the machine).</summary>
public static class PypiPublishing
{
    /// <summary>The default test project configured for only <paramref name="targets"/>, so that verify passes for a partial pack.</summary>
    public static PackedRelease ReleaseOf(params string[] targets)
    {
        var release = new PackedRelease(Regex.Replace(PackedRelease.DefaultConfig, @"targets = \[[^\]]*\]", $"targets = [{string.Join(", ", targets.Select(t => $"\"{t}\""))}]"));
        release.Pack(targets);
        return release;
    }

    /// <summary>An environment with a private HOME, and PYPI_TOKEN when <paramref name="token"/> is given.</summary>
    public static Dictionary<string, string> Environment(TempDir home, string? token)
    {
        var environment = new Dictionary<string, string> { ["HOME"] = home.Path };
        if (token is not null) environment["PYPI_TOKEN"] = token;
        return environment;
    }

    public static ProcessResult Publish(PackedRelease release, IReadOnlyDictionary<string, string> environment, params string[] extra) =>
        CrossdockRunner.Run(environment, ["publish", "pypi", "--config", release.ConfigPath, "--out", release.Out, .. extra]);

    public static ProcessResult Publish(PackedRelease release, FakePypiServer server, IReadOnlyDictionary<string, string> environment, params string[] extra) =>
        Publish(release, environment, ["--repository-url", server.UploadUrl, .. extra]);
}
