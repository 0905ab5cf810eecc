using Crossdock.Core;
using Crossdock.Core.Targets;
using Crossdock.Tests.Support;
using Crossdock.Workflow;

namespace Crossdock.Tests.Workflow;

/// <summary>
/// The workflow follows how each language builds: Go with cgo off and Zig build every target on ubuntu-latest and
/// default to libc-free Linux targets; cgo builds on each target's own machine; a user's own command keeps native
/// runners; a language that cannot build a target says why. Repositories are written to a temporary folder.
/// </summary>
public sealed class LanguageDefaultsTests
{
    private static Crossdock.Config.ProjectConfig Repository(TempDir folder, string toml, params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files) folder.Write(path, content);
        return Crossdock.Config.ConfigLoader.Load(folder.Write("crossdock.toml", toml));
    }

    [Fact]
    public void Go_without_targets_builds_one_libc_free_binary_per_linux_architecture_all_on_ubuntu()
    {
        var model = ReleaseWorkflowGenerator.CreateModel(SampleProjects.Config("go"), "0.1.0");

        Assert.Equal(TargetTable.LibcFreeDefaults.Select(t => t.Triple), model.Matrix.Select(e => e.Target.Triple));
        Assert.Equal(["x86_64-unknown-linux-none", "aarch64-unknown-linux-none"],
            model.Matrix.Where(e => e.Target.Os == OperatingSystemFamily.Linux).Select(e => e.Target.Triple));
        Assert.All(model.Matrix, e => Assert.Equal(HostedRunners.LinuxX64, e.Runner));
        Assert.All(model.Matrix, e => Assert.Contains("CGO_ENABLED=0", e.BuildCommand, StringComparison.Ordinal));
        Assert.Null(model.LanguageNote);
    }

    [Fact]
    public void Without_a_build_table_the_language_and_project_are_detected_and_the_note_says_so()
    {
        var model = ReleaseWorkflowGenerator.CreateModel(SampleProjects.Config("go-no-build-table"), "0.1.0");

        Assert.Equal("go", model.Language);
        Assert.Equal("no [build] language in crossdock.toml: building with go, detected from go.mod (project ./cmd/gotool); add [build] language = \"go\" to make it explicit",
            model.LanguageNote);
        Assert.Equal(TargetTable.LibcFreeDefaults.Select(t => t.Triple), model.Matrix.Select(e => e.Target.Triple));
        Assert.All(model.Matrix, e => Assert.EndsWith(" ./cmd/gotool", e.BuildCommand, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_github_without_a_build_table_writes_the_workflow_and_names_the_language_on_stderr()
    {
        using var folder = new TempDir();
        var config = folder.Write("crossdock.toml", "[package]\nname = \"demo\"\n");
        folder.Write("Cargo.toml", "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n\n[[bin]]\nname = \"demo\"\npath = \"src/main.rs\"\n");
        folder.Write("src/main.rs", "fn main() {}\n");

        var result = CrossdockRunner.RunOk("generate", "github", "--config", config);

        Assert.Equal("crossdock: note: no [build] language in crossdock.toml: building with rust, detected from Cargo.toml; add [build] language = \"rust\" to make it explicit\n", result.Stderr);
        Assert.Contains("cross build --release --locked --target x86_64-unknown-linux-musl", File.ReadAllText(folder[".github/workflows/release.yml"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Cgo_builds_on_each_targets_own_machine_and_cannot_make_libc_free_targets()
    {
        using var folder = new TempDir();
        (string, string)[] files = [("go.mod", "module example.com/cgotool\n"), ("main.go", "package main\n\n/*\n#include <stdio.h>\n*/\nimport \"C\"\n\nfunc main() {}\n")];
        var config = Repository(folder, "[package]\nname = \"cgotool\"\ntargets = [\"x86_64-unknown-linux-gnu\", \"aarch64-unknown-linux-musl\", \"x86_64-apple-darwin\", \"x86_64-pc-windows-msvc\"]\n\n[build]\nlanguage = \"go\"\n", files);

        var matrix = ReleaseWorkflowGenerator.CreateModel(config, "0.1.0").Matrix;

        Assert.Equal([HostedRunners.LinuxX64, HostedRunners.LinuxArm64, HostedRunners.Macos, HostedRunners.WindowsX64], matrix.Select(e => e.Runner));
        Assert.All(matrix, e => Assert.Contains("CGO_ENABLED=1", e.BuildCommand, StringComparison.Ordinal));
        Assert.StartsWith("sudo apt-get install -y musl-tools && GOOS=linux GOARCH=arm64 CGO_ENABLED=1 CC=musl-gcc ", matrix[1].BuildCommand, StringComparison.Ordinal);
        Assert.Contains("CC=\"clang -arch x86_64\"", matrix[2].BuildCommand, StringComparison.Ordinal);

        using var other = new TempDir();
        var libcFree = Repository(other, "[package]\nname = \"cgotool\"\ntargets = [\"x86_64-unknown-linux-none\"]\n\n[build]\nlanguage = \"go\"\n", files);
        var error = Assert.Throws<CrossdockException>(() => ReleaseWorkflowGenerator.CreateModel(libcFree, "0.1.0"));
        Assert.Equal($"{libcFree.SourcePath}: [package] targets: go cannot build x86_64-unknown-linux-none: the code imports \"C\" (cgo), which links libc; list the glibc and musl targets instead", error.Message);
    }

    [Fact]
    public void A_users_own_build_command_keeps_macos_and_windows_runners()
    {
        var config = SampleProjects.Parse("[package]\nname = \"x\"\n\n[build]\nlanguage = \"go\"\ncommand = \"make {target}\"\nbinary = \"out/{bin}{exe}\"\n");

        var runners = ReleaseWorkflowGenerator.CreateModel(config, "0.1.0").Matrix.GroupBy(e => e.Target.Os).ToDictionary(g => g.Key, g => g.Select(e => e.Runner).Distinct().Single());

        Assert.Equal(HostedRunners.LinuxX64, runners[OperatingSystemFamily.Linux]);
        Assert.Equal(HostedRunners.Macos, runners[OperatingSystemFamily.Macos]);
        Assert.Equal(HostedRunners.WindowsX64, runners[OperatingSystemFamily.Windows]);
    }

    [Theory]
    [InlineData("rust", "x86_64-unknown-linux-none", "rust cannot build x86_64-unknown-linux-none: Rust's libc-free Linux targets have no standard library (tier 3); the -musl target makes a static binary")]
    [InlineData("rust", "aarch64-unknown-freebsd", "rust cannot build aarch64-unknown-freebsd: Rust ships no standard library for aarch64 FreeBSD (tier 3)")]
    [InlineData("dotnet", "aarch64-unknown-linux-none", "dotnet cannot build aarch64-unknown-linux-none: NativeAOT links the C library; list the glibc and musl targets instead")]
    [InlineData("dotnet", "x86_64-unknown-freebsd", "no GitHub-hosted runner can build x86_64-unknown-freebsd with dotnet")]
    public void A_target_the_language_cannot_build_is_refused_with_the_reason(string language, string triple, string message)
    {
        var config = SampleProjects.Parse($"[package]\nname = \"x\"\ntargets = [\"{triple}\"]\n\n[build]\nlanguage = \"{language}\"\n");

        var error = Assert.Throws<CrossdockException>(() => ReleaseWorkflowGenerator.CreateModel(config, "0.1.0"));

        Assert.Equal($"/project/crossdock.toml: [package] targets: {message}", error.Message);
    }

    [Theory]
    [InlineData("go", "x86_64-unknown-freebsd", "ubuntu-latest", "GOOS=freebsd GOARCH=amd64 CGO_ENABLED=0 go build")]
    [InlineData("go", "i686-pc-windows-msvc", "ubuntu-latest", "GOOS=windows GOARCH=386 CGO_ENABLED=0 go build")]
    [InlineData("zig", "aarch64-unknown-freebsd", "ubuntu-latest", "zig build -Doptimize=ReleaseSafe -Dtarget=aarch64-freebsd ")]
    [InlineData("zig", "x86_64-unknown-linux-none", "ubuntu-latest", "zig build -Doptimize=ReleaseSafe -Dtarget=x86_64-linux-none ")]
    [InlineData("rust", "x86_64-unknown-freebsd", "ubuntu-latest", "cross build --release --locked --target x86_64-unknown-freebsd")]
    [InlineData("rust", "i686-pc-windows-msvc", "windows-latest", "cargo build --release --locked --target i686-pc-windows-msvc")]
    [InlineData("dotnet", "i686-pc-windows-msvc", "windows-latest", "dotnet publish -c Release -r win-x86 ")]
    public void Opt_in_targets_build_where_the_language_can(string language, string triple, string runner, string command)
    {
        var config = SampleProjects.Parse($"[package]\nname = \"x\"\ntargets = [\"{triple}\"]\n\n[build]\nlanguage = \"{language}\"\n");

        var entry = Assert.Single(ReleaseWorkflowGenerator.CreateModel(config, "0.1.0").Matrix);

        Assert.Equal(runner, entry.Runner);
        Assert.StartsWith(command, entry.BuildCommand, StringComparison.Ordinal);
    }
}
