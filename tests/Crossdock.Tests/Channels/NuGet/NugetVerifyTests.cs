using System.IO.Compression;
using System.Text;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.NuGet;

/// <summary>verify over OUT/nuget: each way the set can be wrong is one line naming the package and what the SDK would do.</summary>
public sealed class NugetVerifyTests : IDisposable
{
    private readonly NugetRelease _release = NugetRelease.For("x86_64-unknown-linux-gnu", "x86_64-pc-windows-msvc");

    public void Dispose() => _release.Dispose();

    [Fact]
    public void A_packed_and_assembled_set_verifies_clean()
    {
        var result = _release.Verify();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("and 3 NuGet packages", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_rid_package_is_reported_and_the_pointer_naming_it()
    {
        File.Delete(_release.RidPackage("win-x64"));

        var result = _release.Verify();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("coverage: no NuGet package my-tool.win-x64 for win-x64 (x86_64-pc-windows-msvc)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("my-tool.1.2.0-beta.1.nupkg: RID packages: names my-tool.win-x64 for win-x64, which is not in the release", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_pointer_package_asks_for_assemble()
    {
        File.Delete(_release.Pointer);

        Assert.Contains("pointer package: no NuGet package my-tool (run 'crossdock assemble')", _release.Verify().Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_windows_package_whose_entry_point_is_a_linux_program_is_refused()
    {
        Rewrite(_release.RidPackage("win-x64"), "tools/any/win-x64/mytool.exe", _ => File.ReadAllBytes(Fixtures.Path("host-gnu")));

        var result = _release.Verify();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("my-tool.win-x64.1.2.0-beta.1.nupkg: entry point: mytool.exe is an x86_64 Linux program", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("as the package's RID win-x64 claims", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_entry_point_is_refused()
    {
        Rewrite(_release.RidPackage("linux-x64"), "tools/any/linux-x64/DotnetToolSettings.xml", text => Replace(text, "EntryPoint=\"mytool\"", "EntryPoint=\"other\""));

        var result = _release.Verify();

        Assert.Contains("entry point: is other, but the command's executable for linux-x64 is mytool", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("entry point: tools/any/linux-x64/other is missing", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_id_or_version_inside_a_package_is_refused()
    {
        Rewrite(_release.RidPackage("linux-x64"), "my-tool.linux-x64.nuspec", text => Replace(text, "<version>1.2.0-beta.1</version>", "<version>1.2.1</version>"));
        Rewrite(_release.RidPackage("win-x64"), "my-tool.win-x64.nuspec", text => Replace(text, "<id>my-tool.win-x64</id>", "<id>other-tool.win-x64</id>"));

        var result = _release.Verify();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("my-tool.linux-x64.1.2.0-beta.1.nupkg: version: carries version 1.2.1, the release is 1.2.0-beta.1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("my-tool.win-x64.1.2.0-beta.1.nupkg: id: holds package other-tool.win-x64, which is neither my-tool nor one of its RID packages", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_format_1_or_dotnet_runner_settings_file_is_refused()
    {
        Rewrite(_release.RidPackage("linux-x64"), "tools/any/linux-x64/DotnetToolSettings.xml",
            text => Replace(Replace(text, "Version=\"2\"", "Version=\"1\""), "Runner=\"executable\"", "Runner=\"dotnet\""));

        var result = _release.Verify();

        Assert.Contains("tool settings: tools/any/linux-x64/DotnetToolSettings.xml is format 1; RID-specific tools need Version=\"2\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("with Runner=\"dotnet\", not \"executable\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_no_zip_is_one_line()
    {
        File.WriteAllText(_release.RidPackage("linux-x64"), "not a zip");

        var result = _release.Verify();

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stdout.Split('\n'), l => l.Contains("linux-x64.1.2.0-beta.1.nupkg: package:", StringComparison.Ordinal));
        Assert.Contains("is not a readable .nupkg", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nuspec_with_a_dtd_or_broken_xml_is_one_line_and_no_entity_is_expanded()
    {
        Rewrite(_release.RidPackage("linux-x64"), "my-tool.linux-x64.nuspec",
            _ => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><package><metadata><id>&x;</id></metadata></package>"));
        Rewrite(_release.RidPackage("win-x64"), "tools/any/win-x64/DotnetToolSettings.xml", _ => Encoding.UTF8.GetBytes("<DotNetCliTool Version=\"2\"><Commands>"));

        var result = _release.Verify();

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("root:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(result.Stdout.Split('\n'), l => l.Contains("linux-x64.1.2.0-beta.1.nupkg: package: my-tool.linux-x64.nuspec cannot be read:", StringComparison.Ordinal));
        Assert.Contains(result.Stdout.Split('\n'), l => l.Contains("win-x64.1.2.0-beta.1.nupkg: package: tools/any/win-x64/DotnetToolSettings.xml cannot be read:", StringComparison.Ordinal));
        Assert.DoesNotContain("Exception", result.Output, StringComparison.Ordinal);
    }

    internal static byte[] Replace(byte[] data, string from, string to)
    {
        var text = Encoding.UTF8.GetString(data);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>Rewrites one entry of a package in place, as a tampered or hand-made package would have it.</summary>
    internal static void Rewrite(string package, string entry, Func<byte[], byte[]> change)
    {
        using var zip = ZipFile.Open(package, ZipArchiveMode.Update);
        var old = zip.GetEntry(entry)!;
        byte[] data;
        using (var input = old.Open())
        using (var buffer = new MemoryStream())
        {
            input.CopyTo(buffer);
            data = buffer.ToArray();
        }
        old.Delete();
        using var output = zip.CreateEntry(entry).Open();
        output.Write(change(data));
    }
}
