using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Crossdock.Core.Targets;
using Crossdock.Tests.Support;
using Crossdock.Workflow;
using YamlDotNet.RepresentationModel;

namespace Crossdock.Tests.Workflow;

/// <summary>
/// A generated build job's own shell steps, run here: the build replaced by writing a real fixture binary where
/// the real tool would (cargo: target/TRIPLE/release/BIN-NAME; <c>go build -o FILE</c>: FILE; <c>dotnet publish -o
/// FOLDER</c>: FOLDER/ASSEMBLY-NAME; <c>zig build --prefix P</c>: P/bin/EXE-NAME), then the step that checks the files
/// and the job's <c>crossdock pack</c> line. A path the workflow expects and the tool never writes fails here.
/// </summary>
public sealed partial class BuildStepTests
{
    /// <summary>Sample, target, and the executables its build tool writes, by that tool's own naming rule (from the sample's manifest).</summary>
    public static TheoryData<string, string, string[]> Builds => new()
    {
        { "rust-renamed-crate", "x86_64-unknown-linux-gnu", ["mytool-cli"] },          // [package] name = "mytool-cli", src/main.rs
        { "rust-renamed-crate", "x86_64-pc-windows-msvc", ["mytool-cli"] },
        { "rust-workspace-two-bins", "x86_64-unknown-linux-gnu", ["widget", "widgetctl"] },  // two [[bin]] in crates/widget-cli
        { "rust-workspace-two-bins", "x86_64-pc-windows-msvc", ["widget", "widgetctl"] },
        { "go-cmd-x", "x86_64-pc-windows-msvc", [] },                                    // -o names the file
        { "dotnet-assembly-name", "x86_64-unknown-linux-gnu", ["mytool"] },              // <AssemblyName>mytool</AssemblyName>
        { "dotnet-assembly-name", "x86_64-pc-windows-msvc", ["mytool"] },
    };

    [Theory]
    [MemberData(nameof(Builds))]
    public void The_jobs_check_and_pack_steps_find_what_the_build_tool_writes(string sample, string triple, string[] written)
    {
        using var repository = new TempDir("crossdock-build-step-");
        var job = Job(sample, triple, repository);
        FakeBuild(job, repository, written);

        RunStep(job, "Check the build wrote every file to pack", repository);
        RunStep(job, "Pack the wheel", repository);

        AssertPackagesCarryTheCommands(sample, triple, repository);
    }

    /// <summary>
    /// The same steps after the real tool's build, where it is installed here: cargo for the host target (the workflow's
    /// <c>cross</c> runs this same cargo in a container, with the same paths) and go, which cross-compiles with cgo off.
    /// </summary>
    [Theory]
    [InlineData("rust-renamed-crate", "x86_64-unknown-linux-gnu", "cargo")]
    [InlineData("rust-workspace-two-bins", "x86_64-unknown-linux-gnu", "cargo")]
    [InlineData("go-cmd-x", "x86_64-unknown-linux-none", "go")]
    [InlineData("go-cmd-x", "x86_64-pc-windows-msvc", "go")]
    [InlineData("go-two-commands", "x86_64-unknown-linux-none", "go")]
    [InlineData("go-two-commands", "x86_64-apple-darwin", "go")]
    public void The_real_build_tool_writes_what_the_check_and_pack_steps_expect(string sample, string triple, string tool)
    {
        Tools.Require(tool);
        using var repository = new TempDir("crossdock-real-build-");
        var job = Job(sample, triple, repository);
        var build = job.Matrix("build");
        if (tool == "cargo")
        {
            // --locked needs the lock file a real repository commits; these crates have no dependencies to resolve.
            ProcessRunner.RunOk("cargo", ["generate-lockfile", "--offline", "--quiet"], repository.Path);
            build = Regex.Replace(build, "^cross ", "cargo ");
        }

        ProcessRunner.RunOk(Shells.Bash, ["--noprofile", "--norc", "-eo", "pipefail", "-c", build], repository.Path, timeout: TimeSpan.FromMinutes(5));
        RunStep(job, "Check the build wrote every file to pack", repository);
        RunStep(job, "Pack the wheel", repository);

        AssertPackagesCarryTheCommands(sample, triple, repository);
    }

    /// <summary>The wheel, the npm platform package and the GitHub archive hold each command under its name, whatever the build called the file.</summary>
    private static void AssertPackagesCarryTheCommands(string sample, string triple, TempDir repository)
    {
        var config = SampleProjects.Config(sample);
        var target = TargetTable.FindByTriple(triple)!;
        var commands = config.Commands.Select(c => target.ExecutableFileName(c.Name)).Order(StringComparer.Ordinal).ToList();
        // Every package carries the command names, whatever the build called the files.
        using (var wheel = ZipFile.OpenRead(Directory.GetFiles(repository["dist/pypi"], "*.whl").Single()))
        {
            Assert.Equal(commands, wheel.Entries.Where(e => e.FullName.Contains(".data/scripts/", StringComparison.Ordinal)).Select(e => e.Name).Order(StringComparer.Ordinal));
        }
        Assert.Equal(commands.Select(c => "package/bin/" + c).Order(StringComparer.Ordinal),
            TarEntries(Directory.GetFiles(repository["dist/npm"], "*.tgz").Single()).Where(e => e.StartsWith("package/bin/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var archive = Directory.GetFiles(repository["dist/github"]).Single(f => f.EndsWith(".zip", StringComparison.Ordinal) || f.EndsWith(".tar.gz", StringComparison.Ordinal));
        var archived = archive.EndsWith(".zip", StringComparison.Ordinal) ? ZipEntries(archive) : TarEntries(archive);
        Assert.All(commands, c => Assert.Contains(archived, e => Path.GetFileName(e) == c));
    }

    [Fact]
    public void The_check_step_fails_naming_the_missing_file_and_what_the_build_left()
    {
        using var repository = new TempDir("crossdock-build-step-");
        var job = Job("rust-renamed-crate", "x86_64-unknown-linux-gnu", repository);
        // What cargo writes for a crate named "mytool", the file the workflow used to expect.
        FakeBuild(job, repository, ["mytool"]);

        var result = Step(job, "Check the build wrote every file to pack", repository);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("::error::the build wrote no target/x86_64-unknown-linux-gnu/release/mytool-cli; target/x86_64-unknown-linux-gnu/release holds: build mytool mytool.d\n", result.Stdout);
    }

    [Fact]
    public void The_check_step_says_so_when_the_build_left_no_output_folder()
    {
        using var repository = new TempDir("crossdock-build-step-");
        var job = Job("go-cmd-x", "x86_64-pc-windows-msvc", repository);

        var result = Step(job, "Check the build wrote every file to pack", repository);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("::error::the build wrote no dist/bin/x86_64-pc-windows-msvc/x.exe; dist/bin/x86_64-pc-windows-msvc holds: nothing\n", result.Stdout);
    }

    [Fact]
    public void Shellcheck_finds_nothing_in_the_check_and_pack_steps()
    {
        using var scripts = new TempDir();
        var job = Job("rust-workspace-two-bins", "x86_64-unknown-linux-gnu", scripts);
        foreach (var name in new[] { "Check the build wrote every file to pack", "Pack the wheel" })
        {
            var script = scripts.Write(name.Replace(' ', '-') + ".sh", "#!/usr/bin/env bash\n" + WorkflowDocument.String(job.Step(name), "run"));
            ProcessRunner.RunOk(Shells.Shellcheck, ["--shell=bash", script]);
        }
    }

    /// <summary>The sample's repository written to <paramref name="repository"/>, its workflow generated, and the build job's matrix entry for the target.</summary>
    private static BuildJob Job(string sample, string triple, TempDir repository)
    {
        SampleProjects.WriteRepository(sample, repository.Path);
        var workflow = new WorkflowDocument(ReleaseWorkflowGenerator.Generate(Crossdock.Config.ConfigLoader.Load(repository["crossdock.toml"]), SampleProjects.CrossdockVersion));
        var entry = workflow.MatrixInclude.Single(e => WorkflowDocument.String(e, "target") == triple);
        return new BuildJob(workflow.Steps("build"), entry);
    }

    /// <summary>Writes, for each name, the target's fixture binary where the build command's tool puts an executable of that name, beside the clutter builds leave.</summary>
    private static void FakeBuild(BuildJob job, TempDir repository, string[] names)
    {
        var build = job.Matrix("build");
        var target = TargetTable.FindByTriple(job.Matrix("target"))!;
        var fixture = Fixtures.Path(PackedRelease.FixtureByTarget[target.Triple]);
        var paths = build switch
        {
            _ when build.Contains("cargo build", StringComparison.Ordinal) || build.Contains("cross build", StringComparison.Ordinal)
                => names.Select(n => $"target/{Option(build, "--target")}/release/{target.ExecutableFileName(n)}"),
            _ when build.Contains("go build", StringComparison.Ordinal) => [Option(build, "-o")],
            _ when build.Contains("dotnet publish", StringComparison.Ordinal) => names.Select(n => $"{Option(build, "-o")}/{target.ExecutableFileName(n)}"),
            _ when build.Contains("zig build", StringComparison.Ordinal) => names.Select(n => $"{Option(build, "--prefix")}/bin/{target.ExecutableFileName(n)}"),
            _ => throw new InvalidOperationException($"no fake for the build command {build}"),
        };
        foreach (var path in paths)
        {
            var full = repository[path];
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.Copy(fixture, full);
            File.WriteAllText(Path.ChangeExtension(full, ".d"), "dependency info, not a command\n");
            Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(full)!, "build"));
        }
    }

    /// <summary>The value after <paramref name="name"/> in a shell command line (the last one: the musl .NET build repeats -o).</summary>
    private static string Option(string command, string name) =>
        Regex.Matches(command, $@"(?:^|\s){Regex.Escape(name)}\s+([^\s']+)").Last().Groups[1].Value;

    private static void RunStep(BuildJob job, string name, TempDir repository)
    {
        var result = Step(job, name, repository);
        Assert.True(result.ExitCode == 0, $"step '{name}' exited {result.ExitCode}\n{result.Stdout}{result.Stderr}");
    }

    /// <summary>Runs a step's script with bash, as the workflow's default shell, with its env: ${{ matrix.X }} filled from the entry, crossdock on PATH.</summary>
    private static ProcessResult Step(BuildJob job, string name, TempDir repository)
    {
        var step = job.Step(name);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PATH"] = Path.GetDirectoryName(CrossdockRunner.Executable) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["SOURCE_DATE_EPOCH"] = "1700000000",
        };
        if (step.Children.TryGetValue("env", out var env))
        {
            foreach (var (key, value) in ((YamlMappingNode)env).Children)
            {
                environment[((YamlScalarNode)key).Value!] = Expression().Replace(((YamlScalarNode)value).Value!, m => m.Groups[1].Value switch
                {
                    var field when field.StartsWith("matrix.", StringComparison.Ordinal) => job.Matrix(field["matrix.".Length..]),
                    "needs.plan.outputs.version" => "1.0.0",
                    var other => throw new InvalidOperationException($"the test does not fill ${{{{ {other} }}}}"),
                });
            }
        }
        // What Actions runs for shell: bash.
        return ProcessRunner.Run(Shells.Bash, ["--noprofile", "--norc", "-eo", "pipefail", "-c", WorkflowDocument.String(step, "run")!], repository.Path, environment);
    }

    private static List<string> TarEntries(string tgz)
    {
        using var reader = new TarReader(new GZipStream(File.OpenRead(tgz), CompressionMode.Decompress));
        var entries = new List<string>();
        while (reader.GetNextEntry() is { } entry) entries.Add(entry.Name);
        return entries;
    }

    private static List<string> ZipEntries(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    [GeneratedRegex(@"\$\{\{\s*([a-z.\-]+)\s*\}\}")]
    private static partial Regex Expression();

    private sealed record BuildJob(IReadOnlyList<YamlMappingNode> Steps, YamlMappingNode Entry)
    {
        public string Matrix(string field) => WorkflowDocument.String(Entry, field)!;

        public YamlMappingNode Step(string name) => Steps.Single(s => WorkflowDocument.String(s, "name")?.StartsWith(name, StringComparison.Ordinal) == true);
    }
}
