using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Tests.Support;
using Crossdock.Tests.Workflow;
using Crossdock.Workflow;

namespace Crossdock.Tests.Cli;

public sealed class GenerateCommandTests
{
    private static (TempDir Project, string Config, string Workflow) Project(string sample = "rust")
    {
        var project = new TempDir();
        var config = project.Write("crossdock.toml", SampleProjects.All[sample]);
        return (project, config, project[".github/workflows/release.yml"]);
    }

    [Fact]
    public void Github_writes_the_release_workflow_beside_crossdock_toml()
    {
        var (project, config, workflow) = Project();
        using var _ = project;

        var result = CrossdockRunner.RunOk("generate", "github", "--config", config);

        Assert.Equal($"wrote {workflow}\n", result.Stdout);
        Assert.Equal(ReleaseWorkflowGenerator.Generate(ConfigLoader.Load(config), CrossdockVersion.Current), File.ReadAllText(workflow));
        Assert.Equal([".github/workflows/release.yml", "crossdock.toml"], project.Files());
        Assert.Contains($" crossdock@{CrossdockVersion.Current}\n", File.ReadAllText(workflow), StringComparison.Ordinal);
    }

    [Fact]
    public void Crossdocks_own_release_workflow_is_what_its_crossdock_toml_generates()
    {
        // .ci/run checks this too; here ./test.sh alone catches a drift.
        var result = CrossdockRunner.RunIn(Repository.Root, "generate", "github", "--check");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("dotnet publish \"$PROJECT\" -c Release -p:PublishAot=false", File.ReadAllText(Repository.PathOf(".github", "workflows", "release.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Crossdocks_own_release_publishes_the_framework_dependent_nuget_any_package()
    {
        var workflow = File.ReadAllText(Repository.PathOf(".github", "workflows", "release.yml"));

        Assert.Contains("-p:PublishAot=false -p:UseAppHost=false -o dist/bin/any", workflow, StringComparison.Ordinal);
        Assert.Contains("--nuget-framework-dependent dist/bin/any", workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void Framework_dependent_nuget_without_a_dotnet_build_is_one_line()
    {
        using var dir = new TempDir();
        var config = dir.Write("crossdock.toml", "[package]\nname = \"t\"\nversion = \"1.0.0\"\n\n[build]\nlanguage = \"rust\"\n\n[nuget]\nframework-dependent = true\n");

        var result = CrossdockRunner.Run("generate", "github", "--config", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^crossdock: .*crossdock\.toml:\d+: \[nuget\] framework-dependent: the any package is a framework-dependent 'dotnet publish' of \[build\] project, so it needs \[build\] language = ""dotnet""\n$", result.Stderr);
    }

    [Theory]
    [InlineData("crossdock = \"brew\"", "[build] crossdock: 'brew' is not one of npm, pypi, dotnet, source")]
    [InlineData("crossdock = \"source\"", "[build] crossdock: \"source\" builds crossdock from this repository's [build] project, so it needs language = \"dotnet\"")]
    public void A_bad_crossdock_source_is_one_line(string line, string message)
    {
        using var dir = new TempDir();
        var config = dir.Write("crossdock.toml", $"[package]\nname = \"t\"\nversion = \"1.0.0\"\n\n[build]\nlanguage = \"rust\"\n{line}\n");

        var result = CrossdockRunner.Run("generate", "github", "--config", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Check_passes_when_the_workflow_is_up_to_date()
    {
        var (project, config, workflow) = Project("go");
        using var _ = project;
        CrossdockRunner.RunOk("generate", "github", "--config", config);

        var result = CrossdockRunner.Run("generate", "github", "--check", "--config", config);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"{workflow} is up to date\n", result.Stdout);
    }

    [Fact]
    public void Check_fails_with_a_diff_when_crossdock_toml_changed_and_writes_nothing()
    {
        var (project, config, workflow) = Project("rust");
        using var _ = project;
        CrossdockRunner.RunOk("generate", "github", "--config", config);
        var before = File.ReadAllText(workflow);
        File.WriteAllText(config, SampleProjects.All["rust-win-arm64"]);

        var result = CrossdockRunner.Run("generate", "github", "--check", "--config", config);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"--- {workflow} (on disk)\n+++ {workflow} (generated)\n@@ ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n+          - os: windows-11-arm\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n-            build: cargo build --release --locked --target", result.Stdout, StringComparison.Ordinal);
        Assert.Equal($"crossdock: {workflow}: differs from what crossdock.toml generates; run 'crossdock generate github'\n", result.Stderr);
        Assert.Equal(before, File.ReadAllText(workflow));
    }

    [Fact]
    public void Check_fails_when_there_is_no_workflow_yet()
    {
        var (project, config, workflow) = Project();
        using var _ = project;

        var result = CrossdockRunner.Run("generate", "github", "--check", "--config", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"crossdock: {workflow}: does not exist; run 'crossdock generate github' to create it\n", result.Stderr);
    }

    [Fact]
    public void A_hand_written_release_workflow_is_replaced_only_with_force()
    {
        var (project, config, workflow) = Project();
        using var _ = project;
        project.Write(".github/workflows/release.yml", "name: my own release\n");

        var refused = CrossdockRunner.Run("generate", "github", "--config", config);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"crossdock: {workflow}: exists and was not generated by crossdock; pass --force to replace it\n", refused.Stderr);
        Assert.Equal("name: my own release\n", File.ReadAllText(workflow));

        CrossdockRunner.RunOk("generate", "github", "--force", "--config", config);
        Assert.StartsWith(ReleaseWorkflowGenerator.Marker, File.ReadAllText(workflow), StringComparison.Ordinal);
    }

    [Fact]
    public void A_generated_workflow_is_regenerated_without_force_and_no_temporary_file_is_left()
    {
        var (project, config, workflow) = Project("rust");
        using var _ = project;
        CrossdockRunner.RunOk("generate", "github", "--config", config);
        File.WriteAllText(config, SampleProjects.All["zig"]);

        CrossdockRunner.RunOk("generate", "github", "--config", config);

        Assert.Contains("zig build", File.ReadAllText(workflow), StringComparison.Ordinal);
        Assert.Equal([".github/workflows/release.yml", "crossdock.toml"], project.Files());
    }

    [Fact]
    public void A_config_problem_is_one_line_and_exit_1()
    {
        using var project = new TempDir();
        var config = project.Write("crossdock.toml", "[package]\nname = \"x\"\n");

        var result = CrossdockRunner.Run("generate", "github", "--config", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"crossdock: {config}: [build] language is required to generate the workflow (one of rust, go, zig, dotnet, custom): "
            + "no Cargo.toml, go.mod, build.zig.zon or NativeAOT .csproj beside it to detect it from\n", result.Stderr);
        Assert.False(Directory.Exists(project[".github"]));
    }

    [Theory]
    [InlineData("bin = \"mytool\"", "[package] bin 'mytool': Cargo.toml builds 'mytool-cli'; set bin = [{ name = \"mytool\", file = \"mytool-cli\" }]")]
    [InlineData("bin = [\"mytool-cli\", \"mt\"]", "[package] bin 'mt': Cargo.toml builds 'mytool-cli', none of them left for it; add the executable to the project or remove the command", true)]
    [InlineData("bin = [{ name = \"mytool\", file = \"mytool\" }, \"mt\"]\n[build]\nlanguage = \"rust\"\nproject = \"mytool-cli\"", "[package] bin 'mytool': Cargo.toml builds 'mytool-cli', none of them left for it; add the executable to the project or remove the command", true)]
    [InlineData("bin = \"mytool\"\n[build]\nlanguage = \"rust\"\nproject = \"mytool-cli\"", "[package] bin 'mytool': Cargo.toml builds no executable", false)]
    public void A_command_no_build_output_matches_is_refused_in_one_line_naming_both(string bin, string message, bool withMain = true)
    {
        using var project = new TempDir();
        project.Write("Cargo.toml", "[package]\nname = \"mytool-cli\"\nversion = \"1.0.0\"\n");
        if (withMain) project.Write("src/main.rs", "fn main() {}\n");
        var config = project.Write("crossdock.toml", $"[package]\nname = \"mytool\"\nversion = \"1.0.0\"\n{bin}\n");

        var result = CrossdockRunner.Run("generate", "github", "--config", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"crossdock: {config}: {message}\n", result.Stderr);
        Assert.False(Directory.Exists(project[".github"]));
    }

    [Fact]
    public void Several_go_commands_must_be_main_packages_under_cmd()
    {
        using var project = new TempDir();
        project.Write("go.mod", "module example.com/pair\n");
        project.Write("cmd/pair/main.go", "package main\n");
        project.Write("cmd/pairctl/main.go", "package main\n");
        var config = project.Write("crossdock.toml", "[package]\nname = \"pair\"\nversion = \"1.0.0\"\nbin = [\"pair\", \"pctl\"]\n\n[build]\nlanguage = \"go\"\n");

        var result = CrossdockRunner.Run("generate", "github", "--config", config);

        Assert.Equal($"crossdock: {config}: [package] bin 'pctl': go.mod, cmd/* builds 'pair', 'pairctl'; set bin = [\"pair\", {{ name = \"pctl\", file = \"pairctl\" }}]\n", result.Stderr);
    }

    [Fact]
    public void The_suggested_bin_line_is_accepted()
    {
        using var project = new TempDir();
        project.Write("Cargo.toml", "[package]\nname = \"mytool-cli\"\nversion = \"1.0.0\"\n");
        project.Write("src/main.rs", "fn main() {}\n");
        var config = project.Write("crossdock.toml", "[package]\nname = \"mytool\"\nversion = \"1.0.0\"\nbin = [{ name = \"mytool\", file = \"mytool-cli\" }]\n");

        var result = CrossdockRunner.RunOk("generate", "github", "--config", config);

        Assert.Contains("target/x86_64-unknown-linux-gnu/release/mytool-cli\n", File.ReadAllText(project[".github/workflows/release.yml"]), StringComparison.Ordinal);
        Assert.Contains("detected from Cargo.toml", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_computed_zig_executable_name_is_a_note_saying_which_key_to_set()
    {
        using var project = new TempDir();
        project.Write("build.zig.zon", ".{ .name = .zt, .version = \"1.0.0\" }\n");
        project.Write("build.zig", "const std = @import(\"std\");\npub fn build(b: *std.Build) void {\n    const exe = b.addExecutable(.{ .name = exe_name, .root_module = m });\n    b.installArtifact(exe);\n}\n");
        var config = project.Write("crossdock.toml", "[package]\nname = \"zt\"\nversion = \"1.0.0\"\n\n[build]\nlanguage = \"zig\"\n");

        var result = CrossdockRunner.RunOk("generate", "github", "--config", config);

        Assert.Equal("crossdock: note: build.zig: it names an executable with an expression, not a \"string\", so crossdock cannot check that the build writes 'zt'; "
            + "if it names the executable otherwise, set bin = [{ name = \"zt\", file = \"ITS-NAME\" }]\n", result.Stderr);
    }

    [Fact]
    public void Generate_needs_a_target_platform()
    {
        var result = CrossdockRunner.Run("generate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage:\n  crossdock generate [command] [options]", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("  github ", result.Stderr, StringComparison.Ordinal);
    }
}
