using System.IO.Compression;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.NuGet;

/// <summary>
/// assemble --nuget-framework-dependent: the <c>{id}.any</c> package's layout and texts (golden, as the .NET 10 SDK
/// packs a tool with <c>ToolPackageRuntimeIdentifiers</c> ending in <c>any</c>), the pointer listing it last,
/// determinism, a folder that is not a publish output, and what verify refuses. The publish folder here is a stand-in
/// (the real SDK's publish and install are in <see cref="FrameworkDependentInstallTests"/>).
/// </summary>
public sealed class FrameworkDependentPackageTests : IDisposable
{
    private const string RuntimeConfig = """
        {
          "runtimeOptions": {
            "tfm": "net10.0",
            "framework": {
              "name": "Microsoft.NETCore.App",
              "version": "10.0.0"
            }
          }
        }
        """;

    private readonly TempDir _publish = new("crossdock-fdd-");

    public FrameworkDependentPackageTests()
    {
        _publish.Write("mytool.dll", "MZ stand-in for the command's assembly");
        _publish.Write("mytool.runtimeconfig.json", RuntimeConfig);
        _publish.Write("mytool.deps.json", "{}");
        _publish.Write("de/mytool.resources.dll", "MZ a satellite assembly");
        _publish.Write("Newtonsoft.Json.dll", "MZ a dependency");
    }

    public void Dispose() => _publish.Dispose();

    [Fact]
    public void The_any_package_holds_the_sdks_layout_and_texts_and_the_pointer_lists_it_last()
    {
        using var release = NugetRelease.WithFrameworkDependent(_publish.Path, "x86_64-unknown-linux-gnu", "x86_64-pc-windows-msvc");

        Assert.Equal(
            ["my-tool.1.2.0-beta.1.nupkg", "my-tool.any.1.2.0-beta.1.nupkg", "my-tool.linux-x64.1.2.0-beta.1.nupkg", "my-tool.win-x64.1.2.0-beta.1.nupkg"],
            Directory.GetFiles(release.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using (var any = ZipFile.OpenRead(release.FrameworkDependentPackage))
        {
            // The SDK's order: the settings, then the publish output's files in ordinal order, all 0644.
            Assert.Equal(
                [
                    "_rels/.rels", "my-tool.any.nuspec", "README.md", "tools/net10.0/any/DotnetToolSettings.xml",
                    "tools/net10.0/any/Newtonsoft.Json.dll", "tools/net10.0/any/de/mytool.resources.dll", "tools/net10.0/any/mytool.deps.json",
                    "tools/net10.0/any/mytool.dll", "tools/net10.0/any/mytool.runtimeconfig.json",
                    "[Content_Types].xml", "package/services/metadata/core-properties/nuget.psmdcp",
                ],
                any.Entries.Select(e => e.FullName));
            Assert.All(any.Entries, e => Assert.Equal(0x81A4u, (uint)e.ExternalAttributes >> 16));
            Assert.Equal(RuntimeConfig, Text(any, "tools/net10.0/any/mytool.runtimeconfig.json"));
            foreach (var entry in new[] { "my-tool.any.nuspec", "tools/net10.0/any/DotnetToolSettings.xml", "[Content_Types].xml", "package/services/metadata/core-properties/nuget.psmdcp" })
            {
                Golden.Match($"nuget/any/{entry.Replace('/', '_')}", Text(any, entry));
            }
        }
        using var pointer = ZipFile.OpenRead(release.Pointer);
        Golden.Match("nuget/any/pointer_DotnetToolSettings.xml", Text(pointer, "tools/any/any/DotnetToolSettings.xml"));
        Assert.Equal(0, release.Verify().ExitCode);
    }

    [Fact]
    public void A_second_assemble_with_the_same_epoch_gives_the_same_bytes()
    {
        using var release = NugetRelease.WithFrameworkDependent(_publish.Path, "x86_64-unknown-linux-gnu");
        var first = new[] { release.FrameworkDependentPackage, release.Pointer }.Select(File.ReadAllBytes).ToList();
        File.Delete(release.FrameworkDependentPackage);
        File.Delete(release.Pointer);

        release.Assemble("--nuget-framework-dependent", _publish.Path);

        Assert.Equal(first, new[] { release.FrameworkDependentPackage, release.Pointer }.Select(File.ReadAllBytes));
    }

    [Theory]
    [InlineData("mytool.dll", "has no mytool.dll: it must be the framework-dependent 'dotnet publish -p:UseAppHost=false' output of the command mytool")]
    [InlineData("mytool.runtimeconfig.json", "has no mytool.runtimeconfig.json: it must be")]
    public void A_folder_without_the_commands_dll_or_runtimeconfig_is_one_line_and_writes_nothing(string missing, string reason)
    {
        using var release = NugetRelease.For("x86_64-unknown-linux-gnu");
        File.Delete(release.Pointer);
        File.Delete(_publish[missing]);

        var result = CrossdockRunner.Run(NugetRelease.Epoch, "assemble", "--config", release.Release.ConfigPath, "--out", release.Release.Out, "--nuget-framework-dependent", _publish.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"crossdock: {_publish.Path}: {reason}", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        // All or nothing: neither the pointer nor the any package.
        Assert.Equal(["my-tool.linux-x64.1.2.0-beta.1.nupkg"], Directory.GetFiles(release.Folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_folder_holding_its_own_tool_settings_file_is_refused()
    {
        using var release = NugetRelease.For("x86_64-unknown-linux-gnu");
        _publish.Write("DotnetToolSettings.xml", "<DotNetCliTool />");

        var result = CrossdockRunner.Run(NugetRelease.Epoch, "assemble", "--config", release.Release.ConfigPath, "--out", release.Release.Out, "--nuget-framework-dependent", _publish.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"crossdock: {_publish.Path}: holds a DotnetToolSettings.xml, the name of the settings file the package gets; this is not a 'dotnet publish' output\n", result.Stderr);
    }

    [Fact]
    public void A_missing_folder_is_one_line()
    {
        using var release = NugetRelease.For("x86_64-unknown-linux-gnu");

        var result = CrossdockRunner.Run(NugetRelease.Epoch, "assemble", "--config", release.Release.ConfigPath, "--out", release.Release.Out, "--nuget-framework-dependent", _publish["nope"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"crossdock: {_publish["nope"]}: is not a folder; --nuget-framework-dependent takes a framework-dependent 'dotnet publish' output\n", result.Stderr);
    }

    [Fact]
    public void With_the_nuget_channel_off_the_option_is_refused_naming_the_config()
    {
        using var release = new NugetRelease(NugetRelease.ConfigWith(["x86_64-unknown-linux-gnu"], "\n[nuget]\nenabled = false\n"), ["x86_64-unknown-linux-gnu"]);

        var result = CrossdockRunner.Run(NugetRelease.Epoch, "assemble", "--config", release.Release.ConfigPath, "--out", release.Release.Out, "--nuget-framework-dependent", _publish.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"crossdock: {release.Release.ConfigPath}: has [nuget] enabled = false, so there is no NuGet tool for --nuget-framework-dependent's package\n", result.Stderr);
    }

    [Fact]
    public void A_runtimeconfig_without_a_target_framework_is_refused_naming_it()
    {
        using var release = NugetRelease.For("x86_64-unknown-linux-gnu");
        _publish.Write("mytool.runtimeconfig.json", "{\"runtimeOptions\": {}}");

        var result = CrossdockRunner.Run(NugetRelease.Epoch, "assemble", "--config", release.Release.ConfigPath, "--out", release.Release.Out, "--nuget-framework-dependent", _publish.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("mytool.runtimeconfig.json: has no runtimeOptions.tfm", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Dry_run_shows_the_any_package_and_writes_nothing()
    {
        using var release = NugetRelease.For("x86_64-unknown-linux-gnu");
        File.Delete(release.Pointer);

        var result = CrossdockRunner.RunOk(NugetRelease.Epoch, "assemble", "--config", release.Release.ConfigPath, "--out", release.Release.Out, "--nuget-framework-dependent", _publish.Path, "--dry-run");

        Assert.Contains("my-tool.any.1.2.0-beta.1.nupkg: _rels/.rels, my-tool.any.nuspec, README.md, tools/net10.0/any/DotnetToolSettings.xml, tools/net10.0/any/Newtonsoft.Json.dll", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("my-tool.1.2.0-beta.1.nupkg: ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["my-tool.linux-x64.1.2.0-beta.1.nupkg"], Directory.GetFiles(release.Folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Verify_refuses_an_any_package_run_as_a_native_executable_or_without_its_dll()
    {
        using var release = NugetRelease.WithFrameworkDependent(_publish.Path, "x86_64-unknown-linux-gnu");
        NugetVerifyTests.Rewrite(release.FrameworkDependentPackage, "tools/net10.0/any/DotnetToolSettings.xml",
            text => NugetVerifyTests.Replace(NugetVerifyTests.Replace(text, "Runner=\"dotnet\"", "Runner=\"executable\""), "Version=\"1\"", "Version=\"2\""));

        var result = release.Verify();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("my-tool.any.1.2.0-beta.1.nupkg: tool settings: tools/net10.0/any/DotnetToolSettings.xml runs mytool with Runner=\"executable\", not \"dotnet\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml is format 2; a framework-dependent tool's is Version=\"1\"", result.Stdout, StringComparison.Ordinal);

        NugetVerifyTests.Rewrite(release.FrameworkDependentPackage, "tools/net10.0/any/DotnetToolSettings.xml",
            text => NugetVerifyTests.Replace(text, "EntryPoint=\"mytool.dll\"", "EntryPoint=\"other.dll\""));

        Assert.Contains("entry point: tools/net10.0/any/other.dll is missing", release.Verify().Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_refuses_a_pointer_that_does_not_list_the_any_package_beside_it()
    {
        using var release = NugetRelease.WithFrameworkDependent(_publish.Path, "x86_64-unknown-linux-gnu");
        File.Delete(release.Pointer);
        release.Assemble(); // the pointer again, without the option: it lists linux-x64 only

        var result = release.Verify();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("my-tool.1.2.0-beta.1.nupkg: RID packages: does not name my-tool.any, so no user would ever get it", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_option_is_in_assembles_help()
    {
        Assert.Contains("--nuget-framework-dependent <DIR>", CrossdockRunner.RunOk("assemble", "--help").Stdout, StringComparison.Ordinal);
    }

    private static string Text(ZipArchive zip, string entry) => NugetPackageTests.Text(zip, entry);
}
