using Crossdock.Config;
using Crossdock.Core.Targets;

namespace Crossdock.Tests.Workflow;

/// <summary>The crossdock.toml of one sample project per build language, as the workflow tests use them.</summary>
public static class SampleProjects
{
    /// <summary>The crossdock version the golden workflows pin, fixed so a version bump does not touch them.</summary>
    public const string CrossdockVersion = "0.1.0";

    public static readonly string WindowsArm64 = TargetTable.All.Single(t => t.Os == OperatingSystemFamily.Windows && t.Arch == CpuArchitecture.Aarch64).Triple;

    private const string Rust = """
        [package]
        name = "demo-tool"
        version = "1.4.2"
        bin = "demo"

        [build]
        language = "rust"
        """;
    private const string Go = """
        [package]
        name = "gotool"
        version = "0.9.0"

        [build]
        language = "go"
        project = "./cmd/gotool"
        """;
    private const string Dotnet = """
        [package]
        name = "dntool"
        version = "2.0.0-rc.1"
        bin = "DnTool"

        [build]
        language = "dotnet"
        project = "src/DnTool/DnTool.csproj"
        """;

    /// <summary>Golden-file name → crossdock.toml text.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["rust"] = Rust,
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
        ["go"] = Go,
        ["dotnet"] = Dotnet,
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
        ["go-no-build-table"] = """
            [package]
            name = "gotool"
            version = "0.9.0"
            """,
        // The other places the jobs can install crossdock from ([build] crossdock); npm is the default above.
        ["rust-crossdock-pypi"] = Rust + "\ncrossdock = \"pypi\"\n",
        // Without the NuGet channel nothing in a Rust release touches .NET (publish-to-nuget is the one job that runs the SDK).
        ["rust-without-nuget"] = Rust + "\n\n[nuget]\nenabled = false\n",
        ["dotnet-crossdock-dotnet"] = Dotnet + "\ncrossdock = \"dotnet\"\n",
        ["go-crossdock-dotnet"] = Go + "\ncrossdock = \"dotnet\"\n",
        // The NuGet any package: the assembling job sets up .NET and publishes a framework-dependent build.
        ["dotnet-framework-dependent"] = Dotnet + "\n\n[nuget]\nframework-dependent = true\n",
        // Cargo names the file after the crate; the command is shorter.
        ["rust-renamed-crate"] = """
            [package]
            name = "mytool"
            version = "1.0.0"
            bin = [{ name = "mytool", file = "mytool-cli" }]
            targets = ["x86_64-unknown-linux-gnu", "aarch64-apple-darwin", "x86_64-pc-windows-msvc"]

            [build]
            language = "rust"
            """,
        ["rust-workspace-two-bins"] = """
            [package]
            name = "widget"
            version = "2.1.0"
            bin = ["widget", "widgetctl"]
            targets = ["x86_64-unknown-linux-gnu", "x86_64-pc-windows-msvc"]

            [build]
            language = "rust"
            project = "widget-cli"
            """,
        ["go-cmd-x"] = """
            [package]
            name = "xtool"
            version = "0.4.0"
            bin = "x"

            [build]
            language = "go"
            project = "./cmd/x"
            """,
        // Several Go commands: go build writes each cmd/NAME main package as NAME; one is shipped under another name.
        ["go-two-commands"] = """
            [package]
            name = "pair"
            version = "0.2.0"
            bin = ["pair", { name = "pctl", file = "pairctl" }]

            [build]
            language = "go"
            """,
        ["dotnet-assembly-name"] = """
            [package]
            name = "mytool"
            version = "1.0.0"
            bin = "mytool"
            targets = ["x86_64-unknown-linux-gnu", "x86_64-unknown-linux-musl", "x86_64-pc-windows-msvc"]

            [build]
            language = "dotnet"
            project = "src/MyTool.Cli/MyTool.Cli.csproj"
            """,
    };

    /// <summary>
    /// The repository files beside crossdock.toml, for samples whose workflow depends on them: without a [build]
    /// table the language and project are detected from the repository, as <c>crossdock init</c> reads it.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, string>> RepositoryFiles = new()
    {
        ["go-no-build-table"] = new()
        {
            ["go.mod"] = "module github.com/acme/gotool\n\ngo 1.22\n",
            ["cmd/gotool/main.go"] = "package main\n\nfunc main() {}\n",
            ["internal/util/util.go"] = "package util\n",
        },
        ["rust-renamed-crate"] = new()
        {
            ["Cargo.toml"] = "[package]\nname = \"mytool-cli\"\nversion = \"1.0.0\"\nedition = \"2021\"\n",
            ["src/main.rs"] = "fn main() {}\n",
        },
        ["rust-workspace-two-bins"] = new()
        {
            ["Cargo.toml"] = "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n",
            ["crates/widget-core/Cargo.toml"] = "[package]\nname = \"widget-core\"\nversion = \"2.1.0\"\n",
            ["crates/widget-core/src/lib.rs"] = "",
            ["crates/widget-cli/Cargo.toml"] = "[package]\nname = \"widget-cli\"\nversion = \"2.1.0\"\n\n[[bin]]\nname = \"widget\"\npath = \"src/main.rs\"\n\n[[bin]]\nname = \"widgetctl\"\npath = \"src/ctl.rs\"\n",
            ["crates/widget-cli/src/main.rs"] = "fn main() {}\n",
            ["crates/widget-cli/src/ctl.rs"] = "fn main() {}\n",
        },
        ["go-cmd-x"] = new()
        {
            ["go.mod"] = "module github.com/acme/xtool\n\ngo 1.22\n",
            ["cmd/x/main.go"] = "package main\n\nfunc main() {}\n",
        },
        ["go-two-commands"] = new()
        {
            ["go.mod"] = "module github.com/acme/pair\n\ngo 1.19\n",
            ["cmd/pair/main.go"] = "package main\n\nfunc main() {}\n",
            ["cmd/pairctl/main.go"] = "package main\n\nfunc main() {}\n",
            ["internal/shared/shared.go"] = "package shared\n",
        },
        ["dotnet-assembly-name"] = new()
        {
            ["src/MyTool.Cli/MyTool.Cli.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><PublishAot>true</PublishAot><AssemblyName>mytool</AssemblyName></PropertyGroup></Project>\n",
        },
    };

    /// <summary>Each such repository is written once per test run (test classes run in parallel), in a temporary folder.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> Written = new(StringComparer.Ordinal);

    /// <summary>Writes the sample's repository (its files and crossdock.toml) into <paramref name="folder"/>.</summary>
    public static void WriteRepository(string name, string folder)
    {
        var files = RepositoryFiles.GetValueOrDefault(name) ?? [];
        foreach (var (relative, content) in files.Append(new KeyValuePair<string, string>(ConfigLoader.DefaultFileName, All[name])))
        {
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }
    }

    /// <summary>The sample's crossdock.toml, loaded from a written repository when the sample has files, else parsed at /project.</summary>
    public static ProjectConfig Config(string name)
    {
        if (!RepositoryFiles.ContainsKey(name)) return Parse(All[name]);
        var root = Written.GetOrAdd(name, _ => new Lazy<string>(() =>
        {
            var folder = Directory.CreateTempSubdirectory($"crossdock-sample-{name}-").FullName;
            WriteRepository(name, folder);
            return folder;
        })).Value;
        return ConfigLoader.Load(Path.Combine(root, ConfigLoader.DefaultFileName));
    }

    public static ProjectConfig Parse(string toml) => ConfigLoader.Parse("/project/crossdock.toml", toml);
}
