using Crossdock.Config;
using Crossdock.Core.Targets;

namespace Crossdock.Tests.Workflow;

/// <summary>The crossdock.toml of one sample project per build language, as the workflow tests use them.</summary>
public static class SampleProjects
{
    /// <summary>The crossdock version the golden workflows pin, fixed so a version bump does not touch them.</summary>
    public const string CrossdockVersion = "0.1.0";

    public static readonly string WindowsArm64 = TargetTable.All.Single(t => t.Os == OperatingSystemFamily.Windows && t.Arch == CpuArchitecture.Aarch64).Triple;

    /// <summary>Golden-file name → crossdock.toml text.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["rust"] = """
            [package]
            name = "demo-tool"
            version = "1.4.2"
            bin = "demo"

            [build]
            language = "rust"
            """,
        ["rust-win-arm64"] = $"""
            [package]
            name = "demo-tool"
            version = "1.4.2"
            bin = "demo"
            targets = [{string.Join(", ", TargetTable.Defaults.Select(t => t.Triple).Append(WindowsArm64).Select(t => $"\"{t}\""))}]

            [npm]
            name = "@acme/demo-tool"

            [build]
            language = "rust"
            project = "demo-cli"
            """,
        ["go"] = """
            [package]
            name = "gotool"
            version = "0.9.0"

            [build]
            language = "go"
            project = "./cmd/gotool"
            """,
        ["dotnet"] = """
            [package]
            name = "dntool"
            version = "2.0.0-rc.1"
            bin = "DnTool"

            [build]
            language = "dotnet"
            project = "src/DnTool/DnTool.csproj"
            """,
        ["zig"] = $"""
            [package]
            name = "zigtool"
            targets = [{string.Join(", ", TargetTable.Defaults.Select(t => t.Triple).Append(WindowsArm64).Select(t => $"\"{t}\""))}]

            [build]
            language = "zig"
            """,
        ["custom"] = """
            [package]
            name = "mytool"
            version = "3.1.0"

            [build]
            language = "custom"
            command = "make release TARGET={target} GOOS={goos}"
            binary = "out/{target}/{bin}{exe}"
            """,
    };

    public static ProjectConfig Config(string name) => Parse(All[name]);

    public static ProjectConfig Parse(string toml) => ConfigLoader.Parse("/project/crossdock.toml", toml);
}
