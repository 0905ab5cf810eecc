using System.Diagnostics;
using Crossdock.Core;
using Crossdock.Core.Publishing;

namespace Crossdock.Channels.NuGet;

/// <summary>
/// Runs the real <c>dotnet nuget push</c> for one package, with <c>--skip-duplicate</c> so that a package the feed
/// already has (409 Conflict) is a warning, not a failure: a re-run resumes a half-finished push.
/// The API key goes to <c>--api-key</c>: NuGet reads a key from nowhere else on Linux and macOS (a NuGet.Config
/// <c>apikeys</c> entry makes it stop with "Encryption is not supported on non-Windows platforms"), so it is on the child's command line, readable by the same
/// user's processes while the push runs; crossdock never prints it and masks it in NuGet's output.
/// </summary>
public static class DotnetNugetPush
{
    public sealed record Result(int ExitCode, string Output, bool AlreadyThere);

    /// <param name="scratch">A private folder for the NuGet.Config that lets NuGet push over plain http to this machine.</param>
    public static async Task<Result> PushAsync(string package, string source, Secret? apiKey, string scratch, Func<string, string?> environment, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(FindDotnet(environment));
        foreach (var argument in new[] { "nuget", "push", Path.GetFullPath(package), "--source", source, "--skip-duplicate", "--timeout", "600" }) start.ArgumentList.Add(argument);
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme == "http" && RegistryUrls.IsLoopback(uri))
        {
            // NuGet refuses http sources unless NuGet.Config allows them; crossdock allows http only to this machine.
            var config = Path.Combine(scratch, "NuGet.Config");
            await File.WriteAllTextAsync(config, LoopbackConfig(source), cancellation);
            start.ArgumentList.Add("--configfile");
            start.ArgumentList.Add(config);
        }
        if (apiKey is not null)
        {
            start.ArgumentList.Add("--api-key");
            start.ArgumentList.Add(apiKey.Reveal());
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // NuGet's messages are localized; crossdock reads one of them (the duplicate warning), so ask for English.
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        var (exitCode, printed) = await ClientProcess.RunAsync(start, "dotnet", cancellation);
        var text = apiKey?.Mask(printed) ?? printed;
        // With --skip-duplicate NuGet turns the feed's 409 into "Package 'x 1.0.0' already exists at feed '...'".
        return new Result(exitCode, text, text.Contains("already exists at feed", StringComparison.Ordinal));
    }

    private static string LoopbackConfig(string source) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="loopback" value="{System.Security.SecurityElement.Escape(source)}" allowInsecureConnections="true" />
          </packageSources>
        </configuration>
        """;

    /// <summary>The dotnet on PATH (the SDK's <c>dotnet nuget</c> does the upload).</summary>
    private static string FindDotnet(Func<string, string?> environment)
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var dir in (environment("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new CrossdockException("dotnet is not on PATH; crossdock pushes with the real 'dotnet nuget push' (install the .NET SDK, e.g. actions/setup-dotnet)");
    }
}
