using System.Diagnostics;
using System.Text.Json;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Npm;

/// <summary>
/// The packages crossdock makes, published with real `npm publish` to a real Verdaccio on 127.0.0.1, installed
/// with real npm and run with node: the launcher must pick this machine's package and pass everything through.
/// </summary>
public sealed class NpmInstallTests(NpmInstallTests.PublishedRelease published) : IClassFixture<NpmInstallTests.PublishedRelease>
{
    /// <summary>All eight targets packed, assembled and published once, by the first test of this class that needs them.</summary>
    public sealed class PublishedRelease : IDisposable
    {
        private readonly Deferred<Published> _published = new(() => new Published());

        public Verdaccio Registry => _published.Value.Registry;

        public PackedRelease Release => _published.Value.Release;

        public IReadOnlyDictionary<string, string?> Environment => _published.Value.Environment;

        /// <summary>A fresh project folder with my-tool installed from the registry.</summary>
        public string Install(string name, params string[] extra)
        {
            var project = Release.Dir[name];
            Directory.CreateDirectory(project);
            File.WriteAllText(Path.Combine(project, "package.json"), """{ "name": "consumer", "version": "1.0.0", "private": true }""");
            NpmClient.RunOk(Environment, project, ["install", "my-tool@1.2.0-beta.1", .. extra]);
            return project;
        }

        public void Dispose() => _published.Dispose();

        private sealed class Published : IDisposable
        {
            public Published()
            {
                Registry = new Verdaccio();
                Release = new PackedRelease();
                try
                {
                    Release.Pack();
                    CrossdockRunner.RunOk("assemble", "--config", Release.ConfigPath, "--out", Release.Out);
                    Environment = Registry.NpmEnvironment(Release.Dir);
                    var main = Path.Combine(Release.NpmDir, "my-tool-1.2.0-beta.1.tgz");
                    foreach (var tarball in Directory.GetFiles(Release.NpmDir, "*.tgz").Where(t => t != main).Append(main))
                    {
                        NpmClient.RunOk(Environment, Release.Dir.Path, "publish", tarball, "--tag", "next");
                    }
                }
                catch
                {
                    Dispose();
                    throw;
                }
            }

            public Verdaccio Registry { get; }

            public PackedRelease Release { get; }

            public IReadOnlyDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>();

            public void Dispose()
            {
                Registry.Dispose();
                Release.Dispose();
            }
        }
    }

    [Fact]
    public void Install_gets_only_this_machines_platform_package_and_npx_runs_the_command()
    {
        var project = published.Install("consumer-basic");

        var installed = Directory.GetDirectories(Path.Combine(project, "node_modules")).Select(Path.GetFileName).Where(n => n!.StartsWith("my-tool", StringComparison.Ordinal));
        Assert.Equal(["my-tool", "my-tool-linux-x64-gnu"], installed.Order(StringComparer.Ordinal));
        var version = NpmClient.RunOk(published.Environment, project, "exec", "--", "mytool", "--version");
        Assert.Equal("crossdock-fixture 1.0.0\n", version.Stdout);
        var npx = ProcessRunner.RunOk(Tools.Require("npx"), ["--no-install", "mytool", "--version"], project, published.Environment);
        Assert.Equal("crossdock-fixture 1.0.0\n", npx.Stdout);
    }

    [Fact]
    public void Arguments_with_spaces_and_quotes_exit_code_and_stdin_pass_through_the_launcher()
    {
        var project = published.Install("consumer-io");
        var command = Path.Combine(project, "node_modules", ".bin", "mytool");

        Assert.Equal("argc=3\n[a b]\n[c\"d]\n[it's]\n", ProcessRunner.RunOk(command, ["a b", "c\"d", "it's"], project).Stdout);
        Assert.Equal(3, ProcessRunner.Run(command, ["exit", "3"], project).ExitCode);
        Assert.Equal("line one\nline two\n", ProcessRunner.RunOk(command, ["cat"], project, stdin: "line one\nline two\n").Stdout);
    }

    [Fact]
    public void Without_optional_dependencies_the_launcher_names_the_missing_package_and_the_fix()
    {
        var project = published.Install("consumer-omit", "--omit=optional");

        var result = ProcessRunner.Run(Path.Combine(project, "node_modules", ".bin", "mytool"), ["--version"], project);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("my-tool-linux-x64-gnu", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--omit=optional", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("    at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SIGTERM_to_the_launcher_ends_the_child_and_the_launcher_dies_of_the_same_signal()
    {
        var project = published.Install("consumer-signal");
        var start = new ProcessStartInfo(Path.Combine(project, "node_modules", ".bin", "mytool"), ["sleep", "30"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = project,
        };
        using var launcher = Process.Start(start)!;
        Assert.Equal("sleeping", launcher.StandardOutput.ReadLine());
        var child = Path.Combine(project, "node_modules", "my-tool-linux-x64-gnu", "bin", "mytool");
        Assert.Equal(0, ProcessRunner.Run("pgrep", ["-f", child]).ExitCode);

        ProcessRunner.RunOk("kill", ["-TERM", launcher.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.True(launcher.WaitForExit(10_000), "the launcher did not exit after SIGTERM");
        Assert.Equal(128 + 15, launcher.ExitCode); // .NET reports death by signal N as 128+N, like a shell
        Thread.Sleep(200);
        Assert.NotEqual(0, ProcessRunner.Run("pgrep", ["-f", child]).ExitCode); // the child is gone too
    }

    [Fact]
    public async Task Registry_holds_each_platform_package_with_its_os_cpu_and_libc()
    {
        using var http = new HttpClient();

        using var document = JsonDocument.Parse(await http.GetStringAsync(published.Registry.Url + "my-tool-linux-arm64-musl", TestContext.Current.CancellationToken));

        var version = document.RootElement.GetProperty("versions").GetProperty("1.2.0-beta.1");
        Assert.Equal("musl", version.GetProperty("libc")[0].GetString());
        Assert.Equal("arm64", version.GetProperty("cpu")[0].GetString());
        Assert.Equal("1.2.0-beta.1", document.RootElement.GetProperty("dist-tags").GetProperty("next").GetString());
    }
}
