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
        ["dotnet-crossdock-dotnet"] = Dotnet + "\ncrossdock = \"dotnet\"\n",
        ["go-crossdock-dotnet"] = Go + "\ncrossdock = \"dotnet\"\n",
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
    };

    /// <summary>Each such repository is written once per test run (test classes run in parallel), in a temporary folder.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> Written = new(StringComparer.Ordinal);

    /// <summary>The sample's crossdock.toml, loaded from a written repository when the sample has files, else parsed at /project.</summary>
    public static ProjectConfig Config(string name)
    {
        if (!RepositoryFiles.TryGetValue(name, out var files)) return Parse(All[name]);
        var root = Written.GetOrAdd(name, _ => new Lazy<string>(() =>
        {
            var folder = Directory.CreateTempSubdirectory($"crossdock-sample-{name}-").FullName;
            foreach (var (relative, content) in files.Append(new KeyValuePair<string, string>(ConfigLoader.DefaultFileName, All[name])))
            {
                var path = Path.Combine(folder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content);
            }
            return folder;
        })).Value;
        return ConfigLoader.Load(Path.Combine(root, ConfigLoader.DefaultFileName));
    }

    public static ProjectConfig Parse(string toml) => ConfigLoader.Parse("/project/crossdock.toml", toml);
}
