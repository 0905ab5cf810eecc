using System.Diagnostics;
using System.Text;
using Crossdock.Core;
using Crossdock.Core.Publishing;

namespace Crossdock.Channels.Npm;

/// <summary>
/// Runs the real <c>npm publish</c> for one tarball. crossdock uses npm for the upload itself because npm's
/// provenance (a Sigstore attestation tied to the CI's OIDC identity) and trusted publishing exist only there.
/// The token never appears on a command line: npm gets a private user config whose auth line reads
/// <c>${CROSSDOCK_NPM_TOKEN}</c>, and the value only in that child's environment.
/// </summary>
public static class NpmCommand
{
    private const string TokenVariable = "CROSSDOCK_NPM_TOKEN";

    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> PublishAsync(string tarball, Uri registry, Secret? token, string tag, bool scoped, bool provenance, string scratch, Func<string, string?> environment, CancellationToken cancellation)
    {
        var npmrc = Path.Combine(scratch, "npmrc");
        var host = registry.IsDefaultPort ? registry.Host : $"{registry.Host}:{registry.Port}";
        var config = new StringBuilder().Append("registry=").Append(registry).Append('\n');
        if (token is not null) config.Append("//").Append(host).Append(registry.AbsolutePath).Append(":_authToken=${").Append(TokenVariable).Append("}\n");
        await File.WriteAllTextAsync(npmrc, config.ToString(), cancellation);

        var start = new ProcessStartInfo(FindNpm(environment("PATH")));
        foreach (var argument in new[] { "publish", Path.GetFullPath(tarball), "--registry", registry.ToString(), "--tag", tag }) start.ArgumentList.Add(argument);
        if (scoped) { start.ArgumentList.Add("--access"); start.ArgumentList.Add("public"); }
        if (provenance) start.ArgumentList.Add("--provenance");
        start.Environment["NPM_CONFIG_USERCONFIG"] = npmrc;
        start.Environment["npm_config_update_notifier"] = "false";
        start.Environment["npm_config_fund"] = "false";
        start.Environment["npm_config_audit"] = "false";
        start.Environment.Remove("npm_config_registry");
        if (token is not null) start.Environment[TokenVariable] = token.Reveal();

        var (exitCode, printed) = await ClientProcess.RunAsync(start, "npm", cancellation);
        return new Result(exitCode, token?.Mask(printed) ?? printed);
    }

    private static string FindNpm(string? searchPath)
    {
        var names = OperatingSystem.IsWindows() ? new[] { "npm.cmd", "npm.exe" } : ["npm"];
        foreach (var dir in (searchPath ?? "").Split(Path.PathSeparator))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new CrossdockException("npm is not on PATH; crossdock publishes with the real npm client (install Node.js)");
    }
}
