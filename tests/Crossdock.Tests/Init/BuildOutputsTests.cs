using Crossdock.Init;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Init;

/// <summary>The executables each build tool writes, read from the project's files by the tools' own naming rules.</summary>
public sealed class BuildOutputsTests
{
    private static BuildOutputs? Read(string language, string? project, params (string Path, string Text)[] files)
    {
        using var repository = new TempDir();
        foreach (var (path, text) in files) repository.Write(path, text);
        return BuildOutputs.Read(language, repository.Path, project);
    }

    /// <summary>The record's ImmutableArray compares by reference: compare the manifest and the names.</summary>
    private static void Same(string manifest, string[] files, BuildOutputs? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(manifest, actual.Manifest);
        Assert.Equal(files, actual.Files);
        Assert.Null(actual.Unreadable);
    }

    [Fact]
    public void Cargo_names_src_main_rs_after_the_package_and_src_bin_files_after_themselves()
    {
        var outputs = Read("rust", null,
            ("Cargo.toml", "[package]\nname = \"tool-cli\"\n"), ("src/main.rs", ""), ("src/bin/helper.rs", ""), ("src/bin/daemon/main.rs", ""), ("src/bin/notes.txt", ""));

        Same("Cargo.toml", ["tool-cli", "helper", "daemon"], outputs);
    }

    [Fact]
    public void A_bin_target_pointing_at_a_discovered_file_replaces_it_and_autobins_false_keeps_only_the_declared()
    {
        var declared = Read("rust", null, ("Cargo.toml", "[package]\nname = \"tool-cli\"\n\n[[bin]]\nname = \"tool\"\npath = \"./src/main.rs\"\n"), ("src/main.rs", ""), ("src/bin/extra.rs", ""));
        var only = Read("rust", null, ("Cargo.toml", "[package]\nname = \"t\"\nautobins = false\n\n[[bin]]\nname = \"tool\"\npath = \"src/cli.rs\"\n"), ("src/main.rs", ""));

        Assert.Equal(["tool", "extra"], declared!.Files);
        Assert.Equal(["tool"], only!.Files);
    }

    [Fact]
    public void A_workspace_builds_the_project_package_or_every_member()
    {
        (string, string)[] workspace =
        [
            ("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n"),
            ("crates/a/Cargo.toml", "[package]\nname = \"a\"\n\n[[bin]]\nname = \"a1\"\npath = \"src/a1.rs\"\n\n[[bin]]\nname = \"a2\"\npath = \"src/a2.rs\"\n"),
            ("crates/b/Cargo.toml", "[package]\nname = \"b\"\n"), ("crates/b/src/main.rs", ""),
            ("crates/lib/Cargo.toml", "[package]\nname = \"lib\"\n"), ("crates/lib/src/lib.rs", ""),
        ];

        Same("crates/a/Cargo.toml", ["a1", "a2"], Read("rust", "a", workspace));
        Assert.Equal(["a1", "a2", "b"], Read("rust", null, workspace)!.Files);
        Assert.Null(Read("rust", "nope", workspace));
    }

    /// <summary>Cargo projects whose binaries crossdock reads from the manifests alone: project package (or null), then files.</summary>
    public static TheoryData<string?, string[]> CargoProjects => new()
    {
        { null, ["Cargo.toml=[package]\nname = \"tool-cli\"\nversion = \"0.1.0\"\nedition = \"2021\"\n", "src/main.rs=fn main() {}", "src/bin/helper.rs=fn main() {}", "src/bin/daemon/main.rs=fn main() {}"] },
        { null, ["Cargo.toml=[package]\nname = \"tool-cli\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[[bin]]\nname = \"tool\"\npath = \"src/main.rs\"\n", "src/main.rs=fn main() {}", "src/bin/extra.rs=fn main() {}"] },
        { null, ["Cargo.toml=[package]\nname = \"t\"\nversion = \"0.1.0\"\nedition = \"2021\"\nautobins = false\n\n[[bin]]\nname = \"tool\"\npath = \"src/cli.rs\"\n", "src/main.rs=fn main() {}", "src/cli.rs=fn main() {}"] },
        { "a", ["Cargo.toml=[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n", "crates/a/Cargo.toml=[package]\nname = \"a\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[[bin]]\nname = \"a1\"\npath = \"src/a1.rs\"\n\n[[bin]]\nname = \"a2\"\npath = \"src/a2.rs\"\n", "crates/a/src/a1.rs=fn main() {}", "crates/a/src/a2.rs=fn main() {}", "crates/b/Cargo.toml=[package]\nname = \"b\"\nversion = \"0.1.0\"\nedition = \"2021\"\n", "crates/b/src/main.rs=fn main() {}"] },
    };

    /// <summary>cargo's own answer, <c>cargo metadata --no-deps</c>'s bin targets, is what crossdock reads from the manifests.</summary>
    [Theory]
    [MemberData(nameof(CargoProjects))]
    public void Cargo_metadata_agrees_with_the_manifest_reading(string? package, string[] files)
    {
        var cargo = Tools.Require("cargo");
        using var repository = new TempDir();
        foreach (var file in files) repository.Write(file[..file.IndexOf('=')], file[(file.IndexOf('=') + 1)..] + "\n");

        var metadata = ProcessRunner.RunOk(cargo, ["metadata", "--no-deps", "--format-version", "1", "--offline"], repository.Path);

        using var json = System.Text.Json.JsonDocument.Parse(metadata.Stdout);
        var bins = json.RootElement.GetProperty("packages").EnumerateArray()
            .Where(p => package is null || p.GetProperty("name").GetString() == package)
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Where(t => t.GetProperty("kind").EnumerateArray().Any(k => k.GetString() == "bin"))
            .Select(t => t.GetProperty("name").GetString()!);
        Assert.Equal(bins.Order(StringComparer.Ordinal), BuildOutputs.Read("rust", repository.Path, package)!.Files.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dotnet_publish_names_the_file_after_AssemblyName_else_the_project_file()
    {
        var named = Read("dotnet", "src/App/App.Cli.csproj", ("src/App/App.Cli.csproj", "<Project><PropertyGroup><AssemblyName>app</AssemblyName></PropertyGroup></Project>"));
        var plain = Read("dotnet", null, ("App.Cli.csproj", "<Project><PropertyGroup><PublishAot>true</PublishAot></PropertyGroup></Project>"));
        var computed = Read("dotnet", "A.csproj", ("A.csproj", "<Project><PropertyGroup><AssemblyName>$(MSBuildProjectName).x</AssemblyName></PropertyGroup></Project>"));

        Same("src/App/App.Cli.csproj", ["app"], named);
        Assert.Equal(["App.Cli"], plain!.Files);
        Assert.Equal("its AssemblyName is the MSBuild expression '$(MSBuildProjectName).x'", computed!.Unreadable);
    }

    [Fact]
    public void Zig_names_each_executable_after_its_name_field_in_either_zig_syntax()
    {
        var outputs = Read("zig", null, ("build.zig", """
            pub fn build(b: *std.Build) void {
                const exe = b.addExecutable(.{
                    .root_module = b.createModule(.{ .root_source_file = b.path("src/main.zig") }),
                    .name = "zt",
                });
                const old = b.addExecutable("zt-old", "src/old.zig");
                b.installArtifact(exe);
                b.installArtifact(old);
            }
            """));

        Same("build.zig", ["zt", "zt-old"], outputs);
    }

    [Theory]
    [InlineData("const exe = b.addExecutable(options);\nconst tests = b.addTest(.{ .name = \"tests\" });\n", "it names an executable with an expression, not a \"string\"")]
    [InlineData("const exe = mylib.addTool(b, \"zt\");\n", "it has no b.addExecutable(.{ .name = \"...\" }) crossdock can read")]
    public void A_zig_executable_name_crossdock_cannot_read_is_unknown_never_another_calls_name(string body, string why)
    {
        var outputs = Read("zig", null, ("build.zig", "pub fn build(b: *std.Build) void {\n" + body + "}\n"));

        Assert.Empty(outputs!.Files);
        Assert.Equal(why, outputs.Unreadable);
    }

    [Fact]
    public void Go_builds_each_main_package_under_cmd_under_its_folders_name()
    {
        var outputs = Read("go", null, ("go.mod", "module example.com/m/v2\n"), ("cmd/a/main.go", "package main\n"), ("cmd/lib/lib.go", "package lib\n"), ("cmd/b/b.go", "package main\n"));

        Assert.Equal(["a", "b"], outputs!.Files);
        Assert.Null(Read("go", null, ("main.go", "package main\n")));
    }
}
