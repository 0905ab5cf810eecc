namespace Crossdock.Tests.Support;

/// <summary>Real Python tooling for wheel tests: a fresh venv with its own pip, and twine.</summary>
public static class Python
{
    /// <summary>pip must see only the wheels a test gives it, not the machine's PIP_FIND_LINKS folder.</summary>
    public static readonly IReadOnlyDictionary<string, string?> PipEnvironment = new Dictionary<string, string?>
    {
        ["PIP_FIND_LINKS"] = null,
        ["PIP_NO_INPUT"] = "1",
        ["PIP_DISABLE_PIP_VERSION_CHECK"] = "1",
    };

    /// <summary>Creates a venv with <c>python3 -m venv</c> and returns its folder.</summary>
    public static string CreateVenv(string folder)
    {
        var python = Tools.Require("python3");
        ProcessRunner.RunOk(python, ["-m", "venv", folder]);
        return folder;
    }

    public static string VenvBin(string venv, string name) => Path.Combine(venv, "bin", name);

    public static ProcessResult Pip(string venv, params string[] args) =>
        ProcessRunner.Run(VenvBin(venv, "python"), ["-m", "pip", .. args], environment: PipEnvironment);

    /// <summary>
    /// The wheel file real pip would install for <paramref name="platform"/> from the wheels in <paramref name="findLinks"/>
    /// (<c>pip install --dry-run --report</c>, nothing installed).
    /// </summary>
    public static string DryRunInstall(string venv, string findLinks, string platform, string reportPath, string package = "my-tool")
    {
        var result = Pip(venv, "install", "--dry-run", "--ignore-installed", "--no-index", "--find-links", findLinks,
            "--only-binary=:all:", "--no-deps", "--platform", platform, "--target", Path.Combine(Path.GetDirectoryName(reportPath)!, "target"),
            "--report", reportPath, package);
        Assert.True(result.ExitCode == 0, result.Output);
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(reportPath));
        var url = report.RootElement.GetProperty("install")[0].GetProperty("download_info").GetProperty("url").GetString()!;
        return Path.GetFileName(new Uri(url).LocalPath);
    }
}
