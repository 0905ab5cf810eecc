using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.NuGet;

/// <summary>
/// The framework-dependent <c>{id}.any</c> package installed by the real SDK: on this linux-x64 machine, with only a
/// win-x64 RID package beside it, <c>dotnet tool install</c> falls back to <c>any</c> and runs the .dll on the
/// installed runtime; with a linux-x64 RID package there too, the native one wins.
/// </summary>
[Collection(DotnetToolCollection.Name)]
public sealed class FrameworkDependentInstallTests(FrameworkDependentPublish publish) : IClassFixture<FrameworkDependentPublish>
{
    [Fact]
    public void Without_this_machines_rid_the_sdk_installs_the_any_package_and_runs_it_with_its_arguments_and_exit_code()
    {
        using var release = NugetRelease.WithFrameworkDependent(publish.Folder, "x86_64-pc-windows-msvc");
        using var dotnet = new IsolatedDotnet();
        Assert.Equal(0, release.Verify().ExitCode);

        var install = dotnet.Run(["tool", "install", "--add-source", release.Folder, "--tool-path", dotnet.ToolPath, "my-tool", "--version", NugetRelease.Version]);

        Assert.True(install.ExitCode == 0, install.Output);
        Assert.Equal("framework-dependent\nargc=3\n[a]\n[b c]\n[]\n", dotnet.RunTool("mytool", ["a", "b c", ""]).Stdout);
        Assert.Equal(5, dotnet.RunTool("mytool", ["exit", "5"]).ExitCode);
        // The SDK put the any package, and no other RID package, beside the pointer in its store.
        var store = Path.Combine(dotnet.ToolPath, ".store", "my-tool", NugetRelease.Version);
        Assert.Equal(["my-tool", "my-tool.any"], Directory.GetDirectories(store).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void With_this_machines_rid_package_beside_it_the_sdk_installs_the_native_one()
    {
        using var release = NugetRelease.WithFrameworkDependent(publish.Folder, "x86_64-unknown-linux-gnu", "x86_64-pc-windows-msvc");
        using var dotnet = new IsolatedDotnet();

        var install = dotnet.Run(["tool", "install", "--add-source", release.Folder, "--tool-path", dotnet.ToolPath, "my-tool", "--version", NugetRelease.Version]);

        Assert.True(install.ExitCode == 0, install.Output);
        // The C fixture answers, not the .dll.
        Assert.Equal("argc=1\n[a]\n", dotnet.RunTool("mytool", ["a"]).Stdout);
        var linked = File.ResolveLinkTarget(Path.Combine(dotnet.ToolPath, "mytool"), returnFinalTarget: true)!.FullName;
        Assert.Contains("my-tool.linux-x64", linked, StringComparison.Ordinal);
    }
}
