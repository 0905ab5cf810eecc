namespace Crossdock.Tests.Support;

/// <summary>
/// The real dotnet CLI with a home, a NuGet package cache and a NuGet.Config of its own, so that an install reads
/// the feed under test and nothing cached by an earlier run (or the machine's own sources) stands in for it.
/// </summary>
public sealed class IsolatedDotnet : IDisposable
{
    private readonly TempDir _home = new("crossdock-dotnet-home-");

    public IsolatedDotnet()
    {
        // No nuget.org: the only source is the one each command adds, so a test never reaches the network.
        _home.Write("NuGet.Config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
    }

    public string ToolPath => _home["tools"];

    public ProcessResult Run(IEnumerable<string> arguments, string? stdin = null) =>
        ProcessRunner.Run(Tools.Require("dotnet"), arguments, _home.Path, Environment, stdin);

    /// <summary>Runs an installed tool command from <see cref="ToolPath"/>.</summary>
    public ProcessResult RunTool(string command, IEnumerable<string> arguments, string? stdin = null) =>
        ProcessRunner.Run(Path.Combine(ToolPath, command), arguments, _home.Path, Environment, stdin);

    private Dictionary<string, string?> Environment => new()
    {
        ["HOME"] = _home.Path,
        ["DOTNET_CLI_HOME"] = _home.Path,
        ["NUGET_PACKAGES"] = _home["packages"],
        ["NUGET_HTTP_CACHE_PATH"] = _home["http-cache"],
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_CLI_UI_LANGUAGE"] = "en",
    };

    public void Dispose() => _home.Dispose();
}
