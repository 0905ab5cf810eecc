using System.Text.RegularExpressions;
using Crossdock.Core;
using Crossdock.Core.Targets;
using Crossdock.Tests.Support;
using Crossdock.Workflow;
using YamlDotNet.RepresentationModel;

namespace Crossdock.Tests.Workflow;

public sealed partial class ReleaseWorkflowTests
{
    public static TheoryData<string> Samples => [.. SampleProjects.All.Keys];

    private static string Generate(string sample) =>
        ReleaseWorkflowGenerator.Generate(SampleProjects.Config(sample), SampleProjects.CrossdockVersion);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Generated_workflow_matches_the_golden_file(string sample)
    {
        Golden.Match($"workflow/{sample}.yml", Generate(sample));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Jobs_form_the_seeds_graph(string sample)
    {
        var workflow = new WorkflowDocument(Generate(sample));

        string[] nuget = SampleProjects.Config(sample).Nuget.Enabled ? ["publish-to-nuget"] : [];
        Assert.Equal(["plan", "build", "generate-npm-packages", "publish-to-npm", "publish-to-testpypi", "publish-to-pypi", "publish-to-github", .. nuget], workflow.JobNames);
        Assert.Equal(["plan"], workflow.Needs("build"));
        Assert.Equal(["plan", "build"], workflow.Needs("generate-npm-packages"));
        Assert.Contains("generate-npm-packages", workflow.Needs("publish-to-npm"));
        Assert.DoesNotContain("build", workflow.Needs("publish-to-npm"));
        Assert.Equal(["plan", "build"], workflow.Needs("publish-to-testpypi"));
        Assert.Equal(["publish-to-testpypi"], workflow.Needs("publish-to-pypi"));
        // The GitHub Release comes once npm and PyPI have the packages its installers and links point at.
        Assert.Equal(["plan", "publish-to-npm", "publish-to-pypi"], workflow.Needs("publish-to-github"));
        // The NuGet packages are assembled and verified with the rest of the release.
        if (nuget.Length > 0) Assert.Equal(["plan", "generate-npm-packages"], workflow.Needs("publish-to-nuget"));
    }

    [Fact]
    public void Nuget_job_pushes_with_the_real_dotnet_and_the_api_key_from_a_secret_and_goes_away_with_the_channel()
    {
        var workflow = new WorkflowDocument(Generate("rust"));

        Assert.Single(workflow.Uses("publish-to-nuget", "actions/setup-dotnet")); // the SDK crossdock runs on pushes too
        var push = workflow.Steps("publish-to-nuget").Single(s => WorkflowDocument.String(s, "run")?.StartsWith("crossdock publish nuget", StringComparison.Ordinal) == true);
        Assert.Equal("crossdock publish nuget --version \"$VERSION\"", WorkflowDocument.String(push, "run"));
        Assert.Equal("${{ secrets.NUGET_API_KEY }}", WorkflowDocument.String(WorkflowDocument.Map(push, "env"), "NUGET_API_KEY"));
        // Each build's RID package reaches the assembling job (for the pointer package and verify), then the push.
        var pattern = workflow.Uses("generate-npm-packages", "actions/download-artifact").Single(d => d.GetValueOrDefault("pattern", "").StartsWith("nuget-", StringComparison.Ordinal));
        Assert.Matches(Glob(pattern["pattern"]), workflow.Uses("build", "actions/upload-artifact").Single(u => u["name"].StartsWith("nuget-", StringComparison.Ordinal))["name"]
            .Replace("${{ matrix.os }}", "ubuntu-latest", StringComparison.Ordinal).Replace("${{ matrix.target }}", "x", StringComparison.Ordinal).Replace("${{ github.run_id }}", "4242", StringComparison.Ordinal));
        var assembled = workflow.Uses("generate-npm-packages", "actions/upload-artifact").Single(u => u["name"].StartsWith("nuget-", StringComparison.Ordinal))["name"];
        Assert.Equal(assembled, workflow.Uses("publish-to-nuget", "actions/download-artifact").Single()["name"]);

        var config = SampleProjects.Config("rust");
        var off = new WorkflowDocument(ReleaseWorkflowGenerator.Generate(config with { Nuget = config.Nuget with { Enabled = false } }, SampleProjects.CrossdockVersion));
        Assert.DoesNotContain("publish-to-nuget", off.JobNames);
        Assert.DoesNotContain(off.Uses("build", "actions/upload-artifact"), u => u["name"].StartsWith("nuget-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_crossdock_step_after_build_gets_the_planned_version_and_wheels_are_verified_before_any_upload(string sample)
    {
        var workflow = new WorkflowDocument(Generate(sample));

        string[] Runs(string job) => [.. workflow.Steps(job).Select(s => WorkflowDocument.String(s, "run")).OfType<string>().Where(r => r.StartsWith("crossdock ", StringComparison.Ordinal))];

        // The version may live only in the tag: every command that checks it must be given the plan's.
        Assert.All(Runs("generate-npm-packages").Concat(Runs("publish-to-npm")).Concat(Runs("publish-to-testpypi")),
            run => Assert.Contains("--version \"$VERSION\"", run, StringComparison.Ordinal));
        var testPypi = workflow.Steps("publish-to-testpypi").ToList();
        var verify = testPypi.FindIndex(s => WorkflowDocument.String(s, "run")?.StartsWith("crossdock verify --only pypi", StringComparison.Ordinal) == true);
        var upload = testPypi.FindIndex(s => WorkflowDocument.String(s, "uses")?.StartsWith("pypa/gh-action-pypi-publish", StringComparison.Ordinal) == true);
        Assert.InRange(verify, 0, upload - 1);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Matrix_has_exactly_the_configured_targets_in_order(string sample)
    {
        var config = SampleProjects.Config(sample);

        var include = new WorkflowDocument(Generate(sample)).MatrixInclude;

        Assert.Equal(config.Targets.Select(t => t.Triple), include.Select(e => WorkflowDocument.String(e, "target")));
        Assert.All(include, entry => Assert.Equal(["os", "target", "build", "binaries"], entry.Children.Keys.Select(k => ((YamlScalarNode)k).Value)));
        Assert.All(include, entry => Assert.Contains(WorkflowDocument.String(entry, "os"), HostedRunners.All));
    }

    [Fact]
    public void Default_matrix_is_the_seeds_seven_targets_and_win_arm64_is_the_eighth_when_configured()
    {
        var seven = new WorkflowDocument(Generate("rust")).MatrixInclude.Select(e => WorkflowDocument.String(e, "target")).ToList();
        var eight = new WorkflowDocument(Generate("rust-win-arm64")).MatrixInclude.Select(e => WorkflowDocument.String(e, "target")).ToList();

        Assert.Equal(TargetTable.Defaults.Select(t => t.Triple), seven);
        Assert.Equal([.. seven, SampleProjects.WindowsArm64], eight);
    }

    [Fact]
    public void Runners_follow_each_languages_toolchain()
    {
        string Runner(string sample, Func<Target, bool> which) => WorkflowDocument.String(
            new WorkflowDocument(Generate(sample)).MatrixInclude.Single(e => which(TargetTable.FindByTriple(WorkflowDocument.String(e, "target")!)!)), "os")!;
        static bool LinuxArm64Gnu(Target t) => t.Os == OperatingSystemFamily.Linux && t.Arch == CpuArchitecture.Aarch64 && t.Libc == Libc.Gnu;
        static bool LinuxArm64(Target t) => t.Os == OperatingSystemFamily.Linux && t.Arch == CpuArchitecture.Aarch64;
        static bool WindowsArm64(Target t) => t.Os == OperatingSystemFamily.Windows && t.Arch == CpuArchitecture.Aarch64;
        static bool MacosX64(Target t) => t.Os == OperatingSystemFamily.Macos && t.Arch == CpuArchitecture.X86_64;

        // Rust cross-compiles Linux arm64 on x86_64; NativeAOT builds on a native arm64 runner; Rust's macOS and
        // Windows builds need their own OS.
        Assert.Equal("ubuntu-latest", Runner("rust", LinuxArm64Gnu));
        Assert.Equal("ubuntu-24.04-arm", Runner("dotnet", LinuxArm64Gnu));
        Assert.Equal("windows-11-arm", Runner("rust-win-arm64", WindowsArm64));
        Assert.Equal("macos-latest", Runner("rust", MacosX64));
        // Go (cgo off) and Zig cross-compile every target: everything builds on ubuntu-latest, as goreleaser does.
        Assert.All(new WorkflowDocument(Generate("go")).MatrixInclude, e => Assert.Equal("ubuntu-latest", WorkflowDocument.String(e, "os")));
        Assert.All(new WorkflowDocument(Generate("zig")).MatrixInclude, e => Assert.Equal("ubuntu-latest", WorkflowDocument.String(e, "os")));
        Assert.Equal("ubuntu-latest", Runner("go", LinuxArm64));
        Assert.Equal("ubuntu-latest", Runner("zig", WindowsArm64));
    }

    [Fact]
    public void Build_commands_use_each_languages_tool_with_names_from_the_target_table()
    {
        string Build(string sample, string triple) => WorkflowDocument.String(
            new WorkflowDocument(Generate(sample)).MatrixInclude.Single(e => WorkflowDocument.String(e, "target") == triple), "build")!;
        var linuxArm64 = TargetTable.Find(OperatingSystemFamily.Linux, CpuArchitecture.Aarch64, Libc.Gnu)!;
        var linuxMusl = TargetTable.Find(OperatingSystemFamily.Linux, CpuArchitecture.X86_64, Libc.Musl)!;
        var windowsX64 = TargetTable.Find(OperatingSystemFamily.Windows, CpuArchitecture.X86_64, null)!;

        Assert.Equal($"cross build --release --locked --target {linuxArm64.Triple}", Build("rust", linuxArm64.Triple));
        Assert.Equal($"cargo build --release --locked --target {windowsX64.Triple} --package demo-cli", Build("rust-win-arm64", windowsX64.Triple));
        var linuxArm64LibcFree = TargetTable.Find(OperatingSystemFamily.Linux, CpuArchitecture.Aarch64, Libc.None)!;
        Assert.Equal($"GOOS=linux GOARCH=arm64 CGO_ENABLED=0 go build -trimpath -ldflags=\"-s -w\" -o dist/bin/{linuxArm64LibcFree.Triple}/gotool ./cmd/gotool", Build("go", linuxArm64LibcFree.Triple));
        Assert.Equal($"zig build -Doptimize=ReleaseSafe -Dtarget={linuxArm64.ZigTarget} --prefix dist/bin/{linuxArm64.Triple}", Build("zig", linuxArm64.Triple));
        Assert.Equal($"dotnet publish src/DnTool/DnTool.csproj -c Release -r {windowsX64.DotnetRid} -p:PublishAot=true -o dist/bin/{windowsX64.Triple}", Build("dotnet", windowsX64.Triple));
        Assert.StartsWith($"mkdir -p dist/bin/{linuxMusl.Triple} && docker run ", Build("dotnet", linuxMusl.Triple));
        Assert.Contains($"-r {linuxMusl.DotnetRid} ", Build("dotnet", linuxMusl.Triple));
        Assert.Equal($"make release TARGET={linuxArm64.Triple} GOOS=linux", Build("custom", linuxArm64.Triple));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Artifact_names_are_the_seeds_and_each_download_pattern_matches_its_uploads(string sample)
    {
        var workflow = new WorkflowDocument(Generate(sample));
        var uploads = workflow.Uses("build", "actions/upload-artifact").Select(w => w["name"]).ToList();
        Assert.Equal(
            [
                "python-package-distributions-${{ matrix.os }}-${{ matrix.target }}-${{ github.run_id }}",
                "npm-binary-${{ matrix.os }}-${{ matrix.target }}-${{ github.run_id }}",
                "github-archive-${{ matrix.os }}-${{ matrix.target }}-${{ github.run_id }}",
                .. SampleProjects.Config(sample).Nuget.Enabled ? ["nuget-rid-package-${{ matrix.os }}-${{ matrix.target }}-${{ github.run_id }}"] : Array.Empty<string>(),
            ],
            uploads);

        // Every artifact name the matrix produces, for a made-up run id.
        string Name(string template, YamlMappingNode entry) => template
            .Replace("${{ matrix.os }}", WorkflowDocument.String(entry, "os"), StringComparison.Ordinal)
            .Replace("${{ matrix.target }}", WorkflowDocument.String(entry, "target"), StringComparison.Ordinal)
            .Replace("${{ github.run_id }}", "4242", StringComparison.Ordinal);
        var wheels = workflow.MatrixInclude.Select(e => Name(uploads[0], e)).ToList();
        var npmBinaries = workflow.MatrixInclude.Select(e => Name(uploads[1], e)).ToList();
        Assert.Equal(wheels.Count, wheels.Distinct().Count());

        var npmPattern = workflow.Uses("generate-npm-packages", "actions/download-artifact")[0];
        Assert.Equal("npm-binary-*-${{ github.run_id }}", npmPattern["pattern"]);
        Assert.Equal("true", npmPattern["merge-multiple"]);
        Assert.All(npmBinaries, name => Assert.Matches(Glob(npmPattern["pattern"]), name));
        Assert.All(wheels, name => Assert.DoesNotMatch(Glob(npmPattern["pattern"]), name));

        foreach (var job in new[] { "generate-npm-packages", "publish-to-testpypi", "publish-to-pypi" })
        {
            var wheelPattern = workflow.Uses(job, "actions/download-artifact").Single(w => w.GetValueOrDefault("pattern", "").StartsWith("python", StringComparison.Ordinal));
            Assert.Equal("true", wheelPattern["merge-multiple"]);
            Assert.All(wheels, name => Assert.Matches(Glob(wheelPattern["pattern"]), name));
            Assert.All(npmBinaries, name => Assert.DoesNotMatch(Glob(wheelPattern["pattern"]), name));
        }

        // The assembled npm packages travel under a name the npm-binary pattern does not catch.
        var assembled = workflow.Uses("generate-npm-packages", "actions/upload-artifact").Single(u => u["name"].StartsWith("npm-", StringComparison.Ordinal))["name"];
        Assert.Equal(assembled, workflow.Uses("publish-to-npm", "actions/download-artifact").Single()["name"]);
        Assert.DoesNotMatch(Glob(npmPattern["pattern"]), assembled.Replace("${{ github.run_id }}", "4242", StringComparison.Ordinal));
    }

    [Fact]
    public void Permissions_are_least_privilege_and_publishing_uses_short_lived_identity_tokens()
    {
        var text = Generate("rust");
        var workflow = new WorkflowDocument(text);

        Assert.Empty(WorkflowDocument.Map(workflow.Root, "permissions").Children);
        foreach (var job in workflow.JobNames)
        {
            var permissions = WorkflowDocument.Map(workflow.Job(job), "permissions").Children
                .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!);
            // Writing: identity tokens for trusted publishing and attestations, attestations where packages are made,
            // the repository's contents only for the job that makes the GitHub Release.
            var makesPackages = job is "build" or "generate-npm-packages";
            Assert.Equal(makesPackages || job is "publish-to-npm" or "publish-to-testpypi" or "publish-to-pypi", permissions.GetValueOrDefault("id-token") == "write");
            Assert.Equal(makesPackages, permissions.GetValueOrDefault("attestations") == "write");
            Assert.Equal(job == "publish-to-github", permissions.GetValueOrDefault("contents") == "write");
            Assert.Empty(permissions.Keys.Except(["contents", "id-token", "attestations"]));
        }
        foreach (var (job, environment) in new[] { ("publish-to-npm", "npm"), ("publish-to-testpypi", "testpypi"), ("publish-to-pypi", "pypi") })
        {
            Assert.Equal(environment, WorkflowDocument.String(WorkflowDocument.Map(workflow.Job(job), "environment"), "name"));
            Assert.Equal("github.ref_type == 'tag'", WorkflowDocument.String(workflow.Job(job), "if"));
        }
        // Trusted publishing: no password or token input anywhere; the secrets are npm's token and NuGet's API key,
        // each read from its job's environment.
        Assert.Equal(["secrets.NPM_TOKEN", "secrets.NUGET_API_KEY"], SecretReference().Matches(text).Select(m => m.Value).Distinct());
        Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("crossdock publish npm --provenance", text, StringComparison.Ordinal);
        Assert.Equal("https://test.pypi.org/legacy/", workflow.Uses("publish-to-testpypi", "pypa/gh-action-pypi-publish").Single()["repository-url"]);
        Assert.DoesNotContain("repository-url", workflow.Uses("publish-to-pypi", "pypa/gh-action-pypi-publish").Single().Keys);
    }

    [Fact]
    public void Triggers_concurrency_and_fail_fast_are_set_for_releases()
    {
        var workflow = new WorkflowDocument(Generate("go"));
        var on = WorkflowDocument.Map(workflow.Root, "on");

        Assert.Equal(["v*"], ((YamlSequenceNode)WorkflowDocument.Map(on, "push").Children["tags"]).Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.True(on.Children.ContainsKey("workflow_dispatch"));
        Assert.Contains("github.ref", WorkflowDocument.String(WorkflowDocument.Map(workflow.Root, "concurrency"), "group"), StringComparison.Ordinal);
        Assert.Equal("false", WorkflowDocument.String(WorkflowDocument.Map(workflow.Job("build"), "strategy"), "fail-fast"));
        Assert.Contains("tomllib", WorkflowDocument.String(workflow.Steps("plan")[1], "run"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_action_is_pinned_to_a_release_and_crossdock_to_its_version(string sample)
    {
        var text = Generate(sample);

        var uses = UsesLine().Matches(text).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(uses);
        Assert.All(uses, action => Assert.Matches(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+@v[0-9]+(\.[0-9]+){0,2}$", action));
        // Every job that runs crossdock installs the version that wrote the workflow, from wherever [build] crossdock says.
        var version = Regex.Escape(SampleProjects.CrossdockVersion);
        var jobs = text.Contains("\n  publish-to-nuget:\n", StringComparison.Ordinal) ? 5 : 4;
        Assert.Equal(jobs, Regex.Count(text, $@"npm install [^\n]* crossdock@{version}\n|pipx install crossdock=={version}\n|dotnet tool install crossdock --version {version} "));
        Assert.DoesNotMatch(@"(?<!\$)\{\{", text);
    }

    [Theory]
    [InlineData("rust")]
    [InlineData("go")]
    [InlineData("zig")]
    [InlineData("custom")]
    [InlineData("rust-crossdock-pypi")]
    public void A_project_that_is_not_dotnet_gets_no_dotnet_step_but_in_the_nuget_push(string sample)
    {
        var workflow = new WorkflowDocument(Generate(sample));

        // Only publish-to-nuget sets up the SDK: it runs the real `dotnet nuget push`.
        foreach (var job in workflow.JobNames.Where(j => j != "publish-to-nuget"))
        {
            Assert.DoesNotContain(workflow.Steps(job), s => WorkflowDocument.String(s, "uses")?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
            Assert.DoesNotContain(workflow.Steps(job), s => WorkflowDocument.String(s, "run") is { } run && Regex.IsMatch(run, @"(?m)^\s*dotnet "));
        }
    }

    [Fact]
    public void Without_nuget_a_rust_workflow_has_no_dotnet_at_all()
    {
        var text = Generate("rust-without-nuget");

        Assert.DoesNotContain("dotnet", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_dotnet_project_sets_up_the_sdk_once_in_the_build_job_and_only_where_crossdock_needs_it_elsewhere()
    {
        int SetUps(string sample, string job) =>
            new WorkflowDocument(Generate(sample)).Steps(job).Count(s => WorkflowDocument.String(s, "uses")?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);

        Assert.Equal(1, SetUps("dotnet", "build"));
        Assert.Equal(0, SetUps("dotnet", "generate-npm-packages"));
        Assert.Equal(1, SetUps("dotnet-crossdock-dotnet", "build"));
        Assert.Equal(1, SetUps("dotnet-crossdock-dotnet", "generate-npm-packages"));
        Assert.Equal(1, SetUps("go-crossdock-dotnet", "build"));
    }

    [Theory]
    [InlineData("rust", "Swatinem/rust-cache@")]
    [InlineData("go", "actions/setup-go@")]
    [InlineData("zig", "mlugg/setup-zig@")]
    [InlineData("dotnet", "actions/cache@")]
    public void Build_job_caches_the_languages_build_tool(string sample, string cacheAction)
    {
        Assert.Contains(new WorkflowDocument(Generate(sample)).Steps("build"), s => WorkflowDocument.String(s, "uses")?.StartsWith(cacheAction, StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Generating_needs_a_build_language_or_a_manifest_to_detect_it_from()
    {
        var config = SampleProjects.Parse("[package]\nname = \"x\"\n");

        var error = Assert.Throws<CrossdockException>(() => ReleaseWorkflowGenerator.Generate(config, "0.1.0"));
        Assert.Equal("/project/crossdock.toml: [build] language is required to generate the workflow (one of rust, go, zig, dotnet, custom): "
            + "no Cargo.toml, go.mod, build.zig.zon or NativeAOT .csproj beside it to detect it from", error.Message);
    }

    [Theory]
    [InlineData("[build]\nlanguage = \"custom\"\nbinary = \"out/{bin}\"", "[build] command is required when language = \"custom\"")]
    [InlineData("[build]\nlanguage = \"custom\"\ncommand = \"make\"", "[build] binary is required when language = \"custom\" (where the command leaves the executable)")]
    [InlineData("[build]\nlanguage = \"rust\"\ncommand = \"make {triple}\"", "[build] command: unknown placeholder {triple} (known: {target}, {os}, {arch}, {exe}, {bin}, {rid}, {goos}, {goarch}, {zig-target}, {npm-suffix})")]
    [InlineData("[build]\nlanguage = \"custom\"\ncommand = \"make\"\nbinary = \"out/My Tool{exe}\"", "[build] binary: 'out/My Tool' holds a space; the release workflow needs paths without one")]
    public void Custom_build_settings_are_checked(string build, string expected)
    {
        var config = SampleProjects.Parse($"[package]\nname = \"x\"\n\n{build}\n");

        var error = Assert.Throws<CrossdockException>(() => ReleaseWorkflowGenerator.Generate(config, "0.1.0"));
        Assert.Equal($"/project/crossdock.toml: {expected}", error.Message);
    }

    [Fact]
    public void A_custom_binary_path_names_each_commands_file_through_bin()
    {
        var config = SampleProjects.Parse("[package]\nname = \"x\"\nbin = [{ name = \"x\", file = \"x-cli\" }, \"xd\"]\ntargets = [\"x86_64-pc-windows-msvc\"]\n\n[build]\nlanguage = \"custom\"\ncommand = \"make\"\nbinary = \"out/{target}/{bin}{exe}\"\n");
        var without = SampleProjects.Parse("[package]\nname = \"x\"\nbin = [\"x\", \"xd\"]\n\n[build]\nlanguage = \"custom\"\ncommand = \"make\"\nbinary = \"out/x\"\n");

        var entry = Assert.Single(ReleaseWorkflowGenerator.CreateModel(config, "0.1.0").Matrix);

        Assert.Equal(["out/x86_64-pc-windows-msvc/x-cli.exe", "out/x86_64-pc-windows-msvc/xd.exe"], entry.BinaryPaths);
        Assert.Equal("/project/crossdock.toml: [build] binary needs {bin} when [package] bin lists several commands: one path per command's file",
            Assert.Throws<CrossdockException>(() => ReleaseWorkflowGenerator.CreateModel(without, "0.1.0")).Message);
    }

    [Fact]
    public void A_target_no_hosted_runner_can_build_for_the_language_is_refused()
    {
        var riscv = TargetTable.All.Single(t => t.Arch == CpuArchitecture.Riscv64);
        var config = SampleProjects.Parse($"[package]\nname = \"x\"\ntargets = [\"{riscv.Triple}\"]\n\n[build]\nlanguage = \"dotnet\"\n");

        var error = Assert.Throws<CrossdockException>(() => ReleaseWorkflowGenerator.Generate(config, "0.1.0"));
        Assert.Equal($"/project/crossdock.toml: [package] targets: no GitHub-hosted runner can build {riscv.Triple} with dotnet", error.Message);
        // Cross-compiling toolchains can: they build every Linux target on x86_64.
        var rust = SampleProjects.Parse($"[package]\nname = \"x\"\ntargets = [\"{riscv.Triple}\"]\n\n[build]\nlanguage = \"rust\"\n");
        Assert.Equal("ubuntu-latest", ReleaseWorkflowGenerator.CreateModel(rust, "0.1.0").Matrix.Single().Runner);
    }

    [Fact]
    public void The_workflow_is_read_from_a_file_named_crossdock_toml()
    {
        var config = Crossdock.Config.ConfigLoader.Parse("/project/release.toml", "[package]\nname = \"x\"\n\n[build]\nlanguage = \"go\"\n");

        var error = Assert.Throws<CrossdockException>(() => ReleaseWorkflowGenerator.Generate(config, "0.1.0"));
        Assert.Contains("name the file crossdock.toml", error.Message, StringComparison.Ordinal);
    }

    private static Regex Glob(string pattern) => new("^" + Regex.Escape(pattern.Replace("${{ github.run_id }}", "4242", StringComparison.Ordinal)).Replace(@"\*", ".*", StringComparison.Ordinal) + "$");

    [GeneratedRegex(@"secrets\.[A-Za-z_]+")]
    private static partial Regex SecretReference();

    [GeneratedRegex(@"uses: (\S+)")]
    private static partial Regex UsesLine();
}
