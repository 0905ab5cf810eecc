namespace Crossdock.Tests.Support;

/// <summary>
/// The real shells the completion tests load scripts into: bash, zsh and fish from Debian, PowerShell as the
/// dotnet tool scripts/install-deps.sh puts in tools/dotnet (pinned there, never taken from PATH).
/// </summary>
public static class Shells
{
    public static string Bash => Tools.Require("bash");

    public static string Zsh => Tools.Require("zsh");

    public static string Fish => Tools.Require("fish");

    public static string Shellcheck => Tools.Require("shellcheck");

    public static string Pwsh => Tools.RequireFile(Repository.PathOf("tools", "dotnet", OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh"), "PowerShell (dotnet tool install PowerShell)");
}
