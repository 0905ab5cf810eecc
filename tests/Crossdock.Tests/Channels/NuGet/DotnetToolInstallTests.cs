using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.NuGet;

/// <summary>
/// A C program (not .NET) packed as a .NET tool and installed by the real SDK from a local feed: the SDK picks this
/// machine's RID package from the pointer, links its entry point, and the program gets its arguments, stdin and
/// exit code unchanged; a set without this machine's RID is refused with the SDK's own message.
/// </summary>
[Collection(DotnetToolCollection.Name)]
public sealed class DotnetToolInstallTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Dotnet_tool_install_from_the_folder_runs_the_c_program_with_its_arguments_stdin_and_exit_code()
    {
        using var release = new NugetRelease();
        using var dotnet = new IsolatedDotnet();

        var install = dotnet.Run(["tool", "install", "--add-source", release.Folder, "--tool-path", dotnet.ToolPath, "my-tool", "--version", NugetRelease.Version]);

        Assert.True(install.ExitCode == 0, install.Output);
        Assert.Contains("mytool", install.Stdout, StringComparison.Ordinal);
        Assert.Equal("argc=3\n[a]\n[b c]\n[]\n", dotnet.RunTool("mytool", ["a", "b c", ""]).Stdout);
        Assert.Equal("line one\nline two\n", dotnet.RunTool("mytool", ["cat"], stdin: "line one\nline two\n").Stdout);
        Assert.Equal(7, dotnet.RunTool("mytool", ["exit", "7"]).ExitCode);
        // The SDK installed the linux-x64 package, whose entry point is the fixture itself, byte for byte.
        var linked = File.ResolveLinkTarget(Path.Combine(dotnet.ToolPath, "mytool"), returnFinalTarget: true)!.FullName;
        Assert.Contains("my-tool.linux-x64", linked, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Fixtures.Path("host-gnu")), File.ReadAllBytes(linked));
    }

    [Fact]
    public void Dnx_runs_the_tool_without_installing_it()
    {
        using var dotnet = new IsolatedDotnet();
        if (dotnet.Run(["dnx", "--help"]).ExitCode != 0)
        {
            Tools.Missing("this .NET SDK has no 'dotnet dnx' (it came with .NET 10)");
            return;
        }
        using var release = NugetRelease.For("x86_64-unknown-linux-gnu", "x86_64-pc-windows-msvc");

        var run = dotnet.Run(["dnx", "--yes", "--add-source", release.Folder, "my-tool", "--version", NugetRelease.Version, "--", "a", "b c"]);
        var cat = dotnet.Run(["dnx", "--yes", "--add-source", release.Folder, "my-tool", "--version", NugetRelease.Version, "--", "cat"], stdin: "from stdin\n");
        var exit = dotnet.Run(["dnx", "--yes", "--add-source", release.Folder, "my-tool", "--version", NugetRelease.Version, "--", "exit", "3"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.EndsWith("argc=2\n[a]\n[b c]\n", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("from stdin\n", cat.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, exit.ExitCode);
    }

    [Fact]
    public void A_set_without_this_machines_rid_is_refused_by_the_sdk_naming_the_rids_it_has()
    {
        using var release = NugetRelease.For("x86_64-pc-windows-msvc", "aarch64-apple-darwin");
        using var dotnet = new IsolatedDotnet();

        var install = dotnet.Run(["tool", "install", "--add-source", release.Folder, "--tool-path", dotnet.ToolPath, "my-tool", "--version", NugetRelease.Version]);

        Assert.NotEqual(0, install.ExitCode);
        Assert.Contains("The tool does not support the current architecture or operating system (linux-x64). Supported runtimes: win-x64 osx-arm64", install.Output.ReplaceLineEndings(" ").Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dotnet.ToolPath, "mytool")));
    }
}

/// <summary>The SDK's tool installs run one at a time: each is CPU-heavy, and the machine is shared.</summary>
[CollectionDefinition(Name)]
public sealed class DotnetToolCollection
{
    public const string Name = "dotnet tool";
}
