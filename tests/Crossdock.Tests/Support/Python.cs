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
}
