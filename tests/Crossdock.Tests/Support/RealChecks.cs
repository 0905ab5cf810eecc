using System.Text.Json;

namespace Crossdock.Tests.Support;

/// <summary>
/// The real implementations property tests compare crossdock with, each called once per test on a whole batch of
/// generated cases (JSON on stdin, JSON on stdout), because starting an interpreter per case would cost seconds:
/// Python's <c>packaging</c> (Debian's python3-packaging, the version CI installs), <c>zipfile</c> and <c>gzip</c>,
/// and npm's own <c>semver</c> and <c>validate-npm-package-name</c> from tools/node_modules.
/// </summary>
public static class RealChecks
{
    private static readonly Lazy<string?> PythonWithPackaging = new(FindPythonWithPackaging);

    /// <summary>A python3 that can import packaging: the system one first (pyenv's may lack it).</summary>
    public static string Python()
    {
        var python = PythonWithPackaging.Value;
        if (python is null) Tools.Missing("no python3 with the 'packaging' module (Debian's python3-packaging; run ./test.sh)");
        return python!;
    }

    /// <summary>Runs <paramref name="script"/> with <paramref name="input"/> as JSON on stdin and parses its stdout as <typeparamref name="T"/>.</summary>
    public static T RunPython<T>(string script, object input) => Run<T>(Python(), ["-c", script], input);

    /// <summary>Runs a Node.js script that can require the packages under tools/node_modules.</summary>
    public static T RunNode<T>(string script, object input, params string[] packages)
    {
        var node = Tools.Require("node");
        foreach (var package in packages)
        {
            Tools.RequireFile(Repository.PathOf("tools", "node_modules", package, "package.json"), $"the npm package {package}");
        }
        return Run<T>(node, ["-e", script], input, new Dictionary<string, string?> { ["NODE_PATH"] = Repository.PathOf("tools", "node_modules") });
    }

    private static T Run<T>(string program, string[] arguments, object input, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = ProcessRunner.RunOk(program, arguments, environment: environment, stdin: JsonSerializer.Serialize(input), timeout: TimeSpan.FromMinutes(2));
        return JsonSerializer.Deserialize<T>(result.Stdout) ?? throw new InvalidOperationException($"{program} printed no JSON: {result.Output}");
    }

    private static string? FindPythonWithPackaging()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", Tools.Find("python3") })
        {
            if (candidate is null || !File.Exists(candidate)) continue;
            if (ProcessRunner.Run(candidate, ["-c", "import packaging.version, packaging.tags, packaging.utils"]).ExitCode == 0) return candidate;
        }
        return null;
    }
}
