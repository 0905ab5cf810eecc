using Crossdock.Config;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Cli;

public sealed class InitCommandTests
{
    /// <summary>Small projects of each kind, written by the test: fixture name → files.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Projects = new()
    {
        ["rust"] = new()
        {
            ["Cargo.toml"] = """
                [package]
                name = "demo-tool"
                version = "0.3.1"
                edition = "2021"
                description = "Does \"demo\" things"
                license = "MIT OR Apache-2.0"
                repository = "https://github.com/acme/demo-tool"

                [dependencies]
                anyhow = { version = "1", features = ["std"] }

                [[bin]]
                name = "demo"
                path = "src/main.rs"
                """,
            ["src/main.rs"] = "fn main() {}\n",
            ["README.md"] = "# demo\n",
        },
        ["rust-workspace"] = new()
        {
            ["Cargo.toml"] = """
                [workspace]
                members = ["crates/*"]
                resolver = "2"

                [workspace.package]
                version = "2.1.0"
                license = "Apache-2.0"
                repository = "https://github.com/acme/widget"
                """,
            ["crates/widget-core/Cargo.toml"] = "[package]\nname = \"widget-core\"\nversion.workspace = true\n",
            ["crates/widget-core/src/lib.rs"] = "",
            ["crates/widget-cli/Cargo.toml"] = """
                [package]
                name = "widget-cli"
                version = { workspace = true }
                license.workspace = true
                repository.workspace = true
                description = "The widget command line"

                [[bin]]
                name = "widget"
                path = "src/main.rs"
                """,
            ["crates/widget-cli/src/main.rs"] = "fn main() {}\n",
        },
        ["go"] = new()
        {
            ["go.mod"] = "module github.com/acme/gotool/v2\n\ngo 1.23\n\nrequire example.com/x v1.0.0\n",
            ["internal/lib.go"] = "package internal\n",
            ["cmd/gotool/main.go"] = "// gotool does things.\npackage main\n\nfunc main() {}\n",
            // Metadata Go has no place for comes from the npm side of the project.
            ["package.json"] = """
                {"name": "@acme/gotool", "version": "2.4.0", "description": "A Go tool on npm", "license": "MIT",
                 "repository": {"type": "git", "url": "git+https://github.com/acme/gotool.git"}}
                """,
        },
        ["zig"] = new()
        {
            ["build.zig.zon"] = """
                .{
                    .name = .zigtool,
                    .version = "0.2.0",
                    .fingerprint = 0x9a3c4f1e2b7d6c51,
                    .minimum_zig_version = "0.14.0",
                    .dependencies = .{},
                    .paths = .{ "build.zig", "build.zig.zon", "src" },
                }
                """,
            ["build.zig"] = "const std = @import(\"std\");\n",
        },
        ["go-cgo"] = new()
        {
            ["go.mod"] = "module github.com/acme/cgotool\n\ngo 1.23\n",
            ["main.go"] = "package main\n\nfunc main() { hello() }\n",
            ["hello.go"] = "package main\n\n// #include <stdio.h>\n// static void greet(void) { puts(\"hi\"); }\nimport \"C\"\n\nfunc hello() { C.greet() }\n",
        },
        ["zig-libc"] = new()
        {
            ["build.zig.zon"] = ".{ .name = .ziglibc, .version = \"1.0.0\", .paths = .{\"\"} }\n",
            ["build.zig"] = "const std = @import(\"std\");\npub fn build(b: *std.Build) void {\n    const exe = b.addExecutable(.{ .name = \"ziglibc\", .root_module = b.createModule(.{ .root_source_file = b.path(\"src/main.zig\"), .link_libc = true }) });\n    b.installArtifact(exe);\n}\n",
        },
        ["dotnet"] = new()
        {
            ["src/Library/Library.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n",
            ["src/DnTool/DnTool.csproj"] = """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <PublishAot>true</PublishAot>
                    <Version>1.0.0-beta.2</Version>
                    <Description>A NativeAOT tool</Description>
                    <PackageLicenseExpression>MIT</PackageLicenseExpression>
                    <RepositoryUrl>https://github.com/acme/dntool</RepositoryUrl>
                  </PropertyGroup>
                </Project>
                """,
        },
        ["pyproject"] = new()
        {
            ["pyproject.toml"] = """
                [project]
                name = "pytool"
                version = "0.5.0"
                description = "A tool from Python land"
                license = { text = "BSD-3-Clause" }

                [project.urls]
                Homepage = "https://pytool.example.org"
                Repository = "https://github.com/acme/pytool"

                [project.scripts]
                pytool-cli = "pytool:main"
                """,
        },
        // maturin with bindings = "bin": the cargo binary is the wheel's script; pyproject.toml's [project] is what PyPI shows.
        ["maturin-bin"] = new()
        {
            ["Cargo.toml"] = """
                [package]
                name = "fastcalc-cli"
                version = "0.7.0"
                edition = "2021"
                description = "Cargo's description, which maturin does not publish"
                license = "MIT"
                authors = ["Cargo Author <cargo@example.com>"]
                repository = "https://github.com/acme/fastcalc"

                [[bin]]
                name = "fastcalc"
                path = "src/main.rs"
                """,
            ["src/main.rs"] = "fn main() {}\n",
            ["pyproject.toml"] = """
                [build-system]
                requires = ["maturin>=1.5,<2.0"]
                build-backend = "maturin"

                [project]
                name = "fastcalc"
                dynamic = ["version"]
                description = "Calculates fast, from Python too"
                readme = "docs/README.md"
                requires-python = ">=3.9"
                license = "MIT"
                license-files = ["LICENSE", "docs/THIRD-PARTY.md", "missing/*"]
                authors = [{ name = "Ann Example", email = "ann@example.com" }, { name = "Bo Builder" }]
                maintainers = [{ email = "team@example.com" }]
                keywords = ["calculator", "cli"]
                classifiers = ["Environment :: Console", "Programming Language :: Rust", "Not A Real :: Classifier"]

                [project.urls]
                Homepage = "https://fastcalc.example.org"
                Documentation = "https://docs.fastcalc.example.org"
                Repository = "https://github.com/acme/fastcalc"
                "Bug Tracker" = "https://github.com/acme/fastcalc/issues"

                [tool.maturin]
                bindings = "bin"
                python-source = "python"
                """,
            ["python/fastcalc/__init__.py"] = "",
            ["LICENSE"] = "MIT License\n\nPermission is hereby granted, free of charge, ...\n",
            ["docs/README.md"] = "# fastcalc\n",
            ["docs/THIRD-PARTY.md"] = "notices\n",
        },
        // A workspace member with two [[bin]] targets ships both commands, its metadata inherited from the root.
        ["rust-workspace-two-bins"] = new()
        {
            ["Cargo.toml"] = """
                [workspace]
                members = ["crates/*"]

                [workspace.package]
                version = "2.1.0"
                authors = ["Ann Example <ann@example.com>", "Bo Builder"]
                license = "Apache-2.0"
                license-file = "LICENSE-APACHE"
                repository = "https://github.com/acme/widget"
                """,
            ["LICENSE-APACHE"] = "Apache License\nVersion 2.0, January 2004\n",
            ["crates/widget-core/Cargo.toml"] = "[package]\nname = \"widget-core\"\nversion.workspace = true\n",
            ["crates/widget-core/src/lib.rs"] = "",
            ["crates/widget-cli/Cargo.toml"] = """
                [package]
                name = "widget-cli"
                version.workspace = true
                authors.workspace = true
                license.workspace = true
                license-file.workspace = true
                repository.workspace = true
                description = "The widget command line"
                keywords = ["widget", "cli"]
                documentation = "https://docs.rs/widget-cli"
                readme = "README.md"

                [[bin]]
                name = "widget"
                path = "src/main.rs"

                [[bin]]
                name = "widgetctl"
                path = "src/ctl.rs"
                """,
            ["crates/widget-cli/README.md"] = "# widget\n",
            ["crates/widget-cli/src/main.rs"] = "fn main() {}\n",
            ["crates/widget-cli/src/ctl.rs"] = "fn main() {}\n",
        },
        // go.mod has no licence field: the LICENSE text says which it is.
        ["go-license"] = new()
        {
            ["go.mod"] = "module github.com/acme/lictool\n\ngo 1.23\n",
            ["main.go"] = "package main\n\nfunc main() {}\n",
            ["LICENSE"] = "\n                                 Apache License\n                           Version 2.0, January 2004\n                        http://www.apache.org/licenses/\n",
        },
        ["package-json"] = new()
        {
            ["package.json"] = """
                {"name": "@acme/jstool", "version": "1.2.3", "description": "An npm tool", "license": "ISC",
                 "repository": "github:acme/jstool", "homepage": "https://jstool.example.org",
                 "bin": {"jstool": "bin/cli.js"}, "keywords": ["js", "tool"],
                 "author": "Ann Example <ann@example.com> (https://ann.example.org)",
                 "maintainers": [{"name": "Bo Builder", "email": "bo@example.com"}],
                 "bugs": {"url": "https://github.com/acme/jstool/issues"}}
                """,
        },
    };

    public static TheoryData<string> Kinds => [.. Projects.Keys];

    private static TempDir Create(string kind)
    {
        var project = new TempDir();
        foreach (var (path, content) in Projects[kind]) project.Write(path, content.Replace("\r\n", "\n", StringComparison.Ordinal));
        return project;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Init_writes_the_expected_crossdock_toml_and_it_loads(string kind)
    {
        using var project = Create(kind);

        CrossdockRunner.RunOk("init", project.Path);

        var written = project["crossdock.toml"];
        Golden.Match($"init/{kind}.toml", File.ReadAllText(written));
        ConfigLoader.Load(written);
    }

    [Fact]
    public void Init_reports_what_it_found_and_asks_nothing()
    {
        using var project = Create("rust");

        // No standard input and not a terminal, as in CI: init completes from the manifests alone.
        var result = CrossdockRunner.RunOk("init", project.Path);

        Assert.Equal(
            $"wrote {project["crossdock.toml"]} (rust project 'demo-tool', command 'demo')\nnext: review it, then run 'crossdock generate github' for the release workflow\n",
            result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Detected_values_land_in_the_right_keys()
    {
        using var workspace = Create("rust-workspace");
        using var go = Create("go");
        using var dotnet = Create("dotnet");

        CrossdockRunner.RunOk("init", workspace.Path);
        CrossdockRunner.RunOk("init", go.Path);
        CrossdockRunner.RunOk("init", dotnet.Path);

        var rust = ConfigLoader.Load(workspace["crossdock.toml"]);
        Assert.Equal(("widget-cli", "widget", "2.1.0", "Apache-2.0", "rust", "widget-cli"), (rust.Name, rust.Bin, rust.Version?.Semver, rust.License, rust.Build.Language, rust.Build.ProjectPath));
        var goConfig = ConfigLoader.Load(go["crossdock.toml"]);
        Assert.Equal(("gotool", "gotool", "go", "./cmd/gotool", "@acme/gotool", "https://github.com/acme/gotool"), (goConfig.Name, goConfig.Bin, goConfig.Build.Language, goConfig.Build.ProjectPath, goConfig.Npm.Name, goConfig.Repository));
        var net = ConfigLoader.Load(dotnet["crossdock.toml"]);
        Assert.Equal(("dntool", "DnTool", "dotnet", "src/DnTool/DnTool.csproj", "1.0.0-beta.2"), (net.Name, net.Bin, net.Build.Language, net.Build.ProjectPath, net.Version?.Semver));
    }

    [Fact]
    public void Init_refuses_to_overwrite_an_existing_crossdock_toml()
    {
        using var project = Create("go");
        var existing = project.Write("crossdock.toml", "[package]\nname = \"mine\"\n");

        var result = CrossdockRunner.Run("init", project.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"crossdock: {existing}: already exists; pass --force to overwrite it\n", result.Stderr);
        Assert.Equal("[package]\nname = \"mine\"\n", File.ReadAllText(existing));
    }

    [Fact]
    public void Init_with_force_overwrites_and_leaves_no_temporary_file()
    {
        using var project = Create("zig");
        project.Write("crossdock.toml", "[package]\nname = \"mine\"\n");

        CrossdockRunner.RunOk("init", "--force", project.Path);

        Assert.Equal("zigtool", ConfigLoader.Load(project["crossdock.toml"]).Name);
        Assert.Equal(["build.zig", "build.zig.zon", "crossdock.toml"], project.Files());
    }

    [Fact]
    public void A_csproj_without_PublishAot_is_not_a_native_project()
    {
        using var project = new TempDir();
        project.Write("Tool.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup></Project>\n");

        var result = CrossdockRunner.RunOk("init", project.Path);

        Assert.Null(ConfigLoader.Load(project["crossdock.toml"]).Build.Language);
        Assert.Contains("note: no Cargo.toml, go.mod, build.zig.zon or .csproj with PublishAot found: set [build] language", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_folder_is_named_after_itself()
    {
        using var parent = new TempDir();
        var folder = Directory.CreateDirectory(parent["My Project!"]).FullName;

        var result = CrossdockRunner.RunOk("init", folder);

        Assert.Equal("My-Project", ConfigLoader.Load(Path.Combine(folder, "crossdock.toml")).Name);
        Assert.Contains("note: 'My Project!' is not a valid package name; using 'My-Project'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_neither_registry_can_spell_the_same_is_left_out_with_a_note()
    {
        using var project = new TempDir();
        project.Write("package.json", """{"name": "tool", "version": "1.0.0-dev.3+build.7"}""");

        var result = CrossdockRunner.RunOk("init", project.Path);

        Assert.Null(ConfigLoader.Load(project["crossdock.toml"]).Version);
        Assert.Contains("note: version '1.0.0-dev.3+build.7' left out: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_manifest_is_reported_with_its_path()
    {
        using var project = new TempDir();
        var cargo = project.Write("Cargo.toml", "[package\nname = \"x\"\n");

        var result = CrossdockRunner.Run("init", project.Path);

        Assert.Equal(1, result.ExitCode);
        // The line and Tomlyn's reason, without its "Exception while trying to convert TOML value..." wrapper.
        Assert.StartsWith($"crossdock: {cargo}:1: not valid TOML: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.False(File.Exists(project["crossdock.toml"]));
    }

    [Fact]
    public void Metadata_crossdock_toml_would_refuse_is_left_out_with_a_note_each()
    {
        using var project = Create("maturin-bin");

        var result = CrossdockRunner.RunOk("init", project.Path);

        Assert.Equal(
            "note: classifier 'Not A Real :: Classifier' left out: " + Crossdock.Config.TroveClassifiers.Problem("Not A Real :: Classifier") + "\n"
            + "note: license file 'missing/*' left out: it matches no file\n", result.Stderr);
        Assert.StartsWith($"wrote {project["crossdock.toml"]} (rust project 'fastcalc', command 'fastcalc')\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workspace_member_with_two_bin_targets_gives_both_commands()
    {
        using var project = Create("rust-workspace-two-bins");

        var result = CrossdockRunner.RunOk("init", project.Path);

        Assert.Equal(["widget", "widgetctl"], ConfigLoader.Load(project["crossdock.toml"]).Commands.Select(c => c.Name));
        Assert.Contains("(rust project 'widget-cli', commands 'widget', 'widgetctl')\n", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rust")]
    [InlineData("go")]
    [InlineData("go-cgo")]
    [InlineData("dotnet")]
    [InlineData("maturin-bin")]
    [InlineData("rust-workspace-two-bins")]
    public void An_initialized_project_generates_a_release_workflow_that_stays_in_sync(string kind)
    {
        using var project = Create(kind);
        CrossdockRunner.RunOk("init", project.Path);
        var config = project["crossdock.toml"];

        CrossdockRunner.RunOk("generate", "github", "--config", config);

        CrossdockRunner.RunOk("generate", "github", "--check", "--config", config);
    }

    [Theory]
    [InlineData("go", "x86_64-unknown-linux-none,aarch64-unknown-linux-none,x86_64-apple-darwin,aarch64-apple-darwin,x86_64-pc-windows-msvc")]
    [InlineData("zig", "x86_64-unknown-linux-none,aarch64-unknown-linux-none,x86_64-apple-darwin,aarch64-apple-darwin,x86_64-pc-windows-msvc")]
    [InlineData("go-cgo", "x86_64-unknown-linux-gnu,x86_64-unknown-linux-musl,aarch64-unknown-linux-gnu,aarch64-unknown-linux-musl,x86_64-apple-darwin,aarch64-apple-darwin,x86_64-pc-windows-msvc")]
    [InlineData("zig-libc", "x86_64-unknown-linux-gnu,x86_64-unknown-linux-musl,aarch64-unknown-linux-gnu,aarch64-unknown-linux-musl,x86_64-apple-darwin,aarch64-apple-darwin,x86_64-pc-windows-msvc")]
    [InlineData("rust", "x86_64-unknown-linux-gnu,x86_64-unknown-linux-musl,aarch64-unknown-linux-gnu,aarch64-unknown-linux-musl,x86_64-apple-darwin,aarch64-apple-darwin,x86_64-pc-windows-msvc")]
    public void Go_and_Zig_default_to_libc_free_Linux_targets_unless_they_link_libc(string kind, string targets)
    {
        using var project = Create(kind);

        CrossdockRunner.RunOk("init", project.Path);

        Assert.Equal(targets.Split(','), ConfigLoader.Load(project["crossdock.toml"]).Targets.Select(t => t.Triple));
    }
}
