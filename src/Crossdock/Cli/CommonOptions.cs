using System.CommandLine;
using Crossdock.Config;

namespace Crossdock.Cli;

/// <summary>Options several commands share, defined once so their names and help stay the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Config() => new("--config")
    {
        Description = "The project's crossdock.toml",
        DefaultValueFactory = _ => ConfigLoader.DefaultFileName,
    };

    public static Option<string> Out() => new("--out")
    {
        Description = "Output folder (wheels in OUT/pypi, npm packages in OUT/npm)",
        DefaultValueFactory = _ => "dist",
    };

    public static Option<string?> Version() => new("--version") { Description = "Release version (semver or PEP 440); overrides [package] version" };

    public static Option<bool> Json() => new("--json") { Description = "Print a machine-readable JSON document" };

    public static Option<bool> DryRun(string description = "Change nothing: only print what would be done") => new("--dry-run") { Description = description };
}
