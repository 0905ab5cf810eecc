using Crossdock.Core;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Release;

/// <summary>
/// crossdock released by crossdock, end to end on this machine: the linux-x64 NativeAOT build of this commit packs
/// itself from the repository's own crossdock.toml, and each channel's real client installs and runs it: pip in a
/// fresh venv, npm and npx through a real Verdaccio, <c>dotnet tool install</c> from the NuGet folder. The AOT
/// build takes about 50 s on 2 cores (measured), so CI runs all of it; it is built once for the whole class.
/// </summary>
public sealed class SelfReleaseTests(SelfReleaseTests.Built built) : IClassFixture<SelfReleaseTests.Built>
{
    private const string Target = "x86_64-unknown-linux-gnu";

    /// <summary>The NativeAOT crossdock and the release it packed of itself.</summary>
    public sealed class Built : IDisposable
    {
        private readonly Deferred<SelfRelease> _release = new(() => new SelfRelease());

        public SelfRelease Release => _release.Value;

        public void Dispose() => _release.Dispose();
    }

    public sealed class SelfRelease : IDisposable
    {
        public TempDir Dir { get; } = new("crossdock-self-");

        public SelfRelease()
        {
            if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
            {
                Assert.Skip("the self-release builds the linux-x64 NativeAOT crossdock");
            }
            // Its own artifacts folder, so the build shares no obj/ with the test run's own build of crossdock.
            PublishOutput = ProcessRunner.RunOk(Tools.Require("dotnet"), ["publish", Repository.PathOf("src", "Crossdock", "Crossdock.csproj"),
                "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "--artifacts-path", Dir["artifacts"], "-o", Dir["aot"], "--nologo"],
                timeout: TimeSpan.FromMinutes(10)).Output;
            Executable = Dir["aot/crossdock"];
            // Only the linux-x64 binary exists here; the other seven targets come from the release workflow's matrix.
            Crossdock("pack", "--config", ConfigPath, "--out", Out, "--target", Target, Executable);
            Crossdock("assemble", "--config", ConfigPath, "--out", Out, "--allow-missing");
        }

        public string PublishOutput { get; }

        public string Executable { get; }

        public string ConfigPath => Repository.PathOf("crossdock.toml");

        public string Out => Dir["dist"];

        public ProcessResult Crossdock(params string[] args) => ProcessRunner.RunOk(Executable, args, Repository.Root);

        public void Dispose() => Dir.Dispose();
    }

    [Fact]
    public void The_NativeAOT_build_has_no_trim_or_AOT_warnings()
    {
        var warnings = built.Release.PublishOutput.Split('\n').Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(warnings.Count == 0, string.Join('\n', warnings));
    }

    [Fact]
    public void Its_wheel_installs_with_pip_and_runs()
    {
        var release = built.Release;
        var wheel = Assert.Single(Directory.GetFiles(Path.Combine(release.Out, "pypi"), "*.whl"));
        var venv = Python.CreateVenv(release.Dir[$"venv-{Guid.NewGuid():N}"]);
        var install = Python.Pip(venv, "install", "--no-index", wheel);
        Assert.True(install.ExitCode == 0, install.Output);

        var crossdock = Python.VenvBin(venv, "crossdock");
        Assert.Equal(CrossdockVersion.Current + "\n", ProcessRunner.RunOk(crossdock, ["--version"]).Stdout);
        var inspect = ProcessRunner.RunOk(crossdock, ["inspect", "--json", Fixtures.Path("host-gnu")]);
        Assert.Contains("\"target\": \"x86_64-unknown-linux-gnu\"", inspect.Stdout);
    }

    [Fact]
    public void Its_npm_packages_publish_to_a_real_registry_and_run_with_npx()
    {
        var release = built.Release;
        using var registry = new Verdaccio();
        using var dir = new TempDir();
        var environment = registry.NpmEnvironment(dir);
        var npmFolder = Path.Combine(release.Out, "npm");
        NpmClient.PublishRelease(environment, dir.Path, npmFolder, Path.Combine(npmFolder, $"crossdock-{CrossdockVersion.Current}.tgz"));

        // A fresh folder with no package.json, as the generated workflows' jobs are.
        Directory.CreateDirectory(dir["fresh"]);
        var version = ProcessRunner.RunOk(Tools.Require("npx"), ["--yes", $"crossdock@{CrossdockVersion.Current}", "--version"], dir["fresh"], environment);
        Assert.Equal(CrossdockVersion.Current + "\n", version.Stdout);
    }

    [Fact]
    public void Its_nuget_packages_install_with_dotnet_tool_install_and_run()
    {
        var release = built.Release;
        using var dotnet = new IsolatedDotnet();
        var install = dotnet.Run(["tool", "install", "--add-source", Path.Combine(release.Out, "nuget"), "--tool-path", dotnet.ToolPath, "crossdock", "--version", CrossdockVersion.Current]);
        Assert.True(install.ExitCode == 0, install.Output);

        Assert.Equal(CrossdockVersion.Current + "\n", dotnet.RunTool("crossdock", ["--version"]).Stdout);
        Assert.Contains("\"target\": \"x86_64-unknown-linux-gnu\"", dotnet.RunTool("crossdock", ["inspect", "--json", Fixtures.Path("host-gnu")]).Stdout);
    }

    [Fact]
    public void Its_version_is_the_project_file_version()
    {
        var config = File.ReadAllText(Repository.PathOf("crossdock.toml"));
        Assert.Contains($"version = \"{CrossdockVersion.Current}\"", config);
    }
}
