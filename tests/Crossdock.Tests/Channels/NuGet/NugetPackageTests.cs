using System.IO.Compression;
using System.Text;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.NuGet;

/// <summary>The packages' layout and texts (golden, checked against what the .NET 10 SDK writes), determinism, and the switch.</summary>
public sealed class NugetPackageTests
{
    [Fact]
    public void Rid_and_pointer_packages_hold_the_sdks_layout_and_texts()
    {
        using var release = NugetRelease.For("x86_64-unknown-linux-gnu", "x86_64-pc-windows-msvc");

        Assert.Equal(
            ["my-tool.1.2.0-beta.1.nupkg", "my-tool.linux-x64.1.2.0-beta.1.nupkg", "my-tool.win-x64.1.2.0-beta.1.nupkg"],
            Directory.GetFiles(release.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // The SDK's entry order (seen in `dotnet pack` output of a NativeAOT tool), every entry 0644 as the SDK writes it.
        using (var rid = ZipFile.OpenRead(release.RidPackage("linux-x64")))
        {
            Assert.Equal(
                ["_rels/.rels", "my-tool.linux-x64.nuspec", "README.md", "tools/any/linux-x64/DotnetToolSettings.xml", "tools/any/linux-x64/mytool", "[Content_Types].xml", "package/services/metadata/core-properties/nuget.psmdcp"],
                rid.Entries.Select(e => e.FullName));
            Assert.All(rid.Entries, e => Assert.Equal(0x81A4u, (uint)e.ExternalAttributes >> 16)); // S_IFREG | 0644
            foreach (var entry in new[] { "my-tool.linux-x64.nuspec", "tools/any/linux-x64/DotnetToolSettings.xml", "[Content_Types].xml", "_rels/.rels", "package/services/metadata/core-properties/nuget.psmdcp" })
            {
                Golden.Match($"nuget/linux-x64/{entry.Replace('/', '_')}", Text(rid, entry));
            }
        }
        using var win = ZipFile.OpenRead(release.RidPackage("win-x64"));
        Golden.Match("nuget/win-x64/DotnetToolSettings.xml", Text(win, "tools/any/win-x64/DotnetToolSettings.xml"));
        Golden.Match("nuget/win-x64/[Content_Types].xml", Text(win, "[Content_Types].xml"));
        using var pointer = ZipFile.OpenRead(release.Pointer);
        Assert.Equal(
            ["_rels/.rels", "my-tool.nuspec", "README.md", "tools/any/any/DotnetToolSettings.xml", "[Content_Types].xml", "package/services/metadata/core-properties/nuget.psmdcp"],
            pointer.Entries.Select(e => e.FullName));
        foreach (var entry in new[] { "my-tool.nuspec", "tools/any/any/DotnetToolSettings.xml", "_rels/.rels" })
        {
            Golden.Match($"nuget/pointer/{entry.Replace('/', '_')}", Text(pointer, entry));
        }
    }

    [Fact]
    public void The_sdk_relationship_id_of_the_core_properties_part_is_reproduced()
    {
        // RB385817783B5D9F0 is what NuGet.Packaging 7.9 (SDK 10.0.401) wrote into every package it made here.
        using var release = NugetRelease.For("x86_64-unknown-linux-gnu");
        using var rid = ZipFile.OpenRead(release.RidPackage("linux-x64"));
        Assert.Contains("Target=\"/package/services/metadata/core-properties/nuget.psmdcp\" Id=\"RB385817783B5D9F0\"", Text(rid, "_rels/.rels"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_pack_and_assemble_with_the_same_epoch_gives_the_same_bytes_at_any_job_count()
    {
        using var release = new NugetRelease();
        var first = Directory.GetFiles(release.Folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        Assert.Equal(9, first.Count); // 8 RID packages and the pointer

        Directory.Delete(release.Release.Out, recursive: true);
        release.Release.Pack(environment: NugetRelease.Epoch, extra: ["--jobs", "1"]);
        CrossdockRunner.RunOk(NugetRelease.Epoch, "assemble", "--config", release.Release.ConfigPath, "--out", release.Release.Out);

        Assert.All(first, pair => Assert.Equal(pair.Value, File.ReadAllBytes(Path.Combine(release.Folder, pair.Key))));
    }

    [Fact]
    public void Enabled_false_writes_no_nuget_folder_and_verify_asks_for_none()
    {
        using var release = new NugetRelease(NugetRelease.ConfigWith(["x86_64-unknown-linux-gnu"], "\n[nuget]\nenabled = false\n"), ["x86_64-unknown-linux-gnu"]);

        Assert.False(Directory.Exists(release.Folder));
        CrossdockRunner.RunOk("verify", "--config", release.Release.ConfigPath, release.Release.Out);
    }

    [Fact]
    public void Id_defaults_to_the_package_name_and_nuget_id_renames_every_package()
    {
        using var release = new NugetRelease(NugetRelease.ConfigWith(["x86_64-unknown-linux-gnu"], "\n[nuget]\nid = \"Example.MyTool\"\n"), ["x86_64-unknown-linux-gnu"]);

        Assert.Equal(["Example.MyTool.1.2.0-beta.1.nupkg", "Example.MyTool.linux-x64.1.2.0-beta.1.nupkg"], Directory.GetFiles(release.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(0, release.Verify().ExitCode);
    }

    [Fact]
    public void A_name_nuget_refuses_is_one_line_naming_the_key()
    {
        using var project = new PackedRelease(NugetRelease.ConfigWith(["x86_64-unknown-linux-gnu"], "\n[nuget]\nid = \"my..tool\"\n"));

        var result = CrossdockRunner.Run("pack", "--config", project.ConfigPath, "--out", project.Out, Fixtures.Path("host-gnu"));

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^crossdock: .*crossdock\.toml:\d+: \[nuget\] id: 'my\.\.tool' is not a NuGet package id .*\n$", result.Stderr);
    }

    [Fact]
    public void A_libc_free_target_beside_the_glibc_one_leaves_linux_x64_to_the_glibc_build()
    {
        using var project = new PackedRelease(NugetRelease.ConfigWith(["x86_64-unknown-linux-gnu", "x86_64-unknown-linux-none"]));

        var plan = CrossdockRunner.RunOk("pack", "--config", project.ConfigPath, "--out", project.Out, "--dry-run",
            "--target", "x86_64-unknown-linux-gnu", Fixtures.Path("host-gnu"), "--target", "x86_64-unknown-linux-none", Fixtures.Path("static-nolibc-x86_64"));

        Assert.Contains("my-tool.linux-x64.1.2.0-beta.1.nupkg", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"nuget\": null", plan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void With_several_commands_the_tool_carries_the_first_and_pack_says_so_once()
    {
        using var project = new PackedRelease(NugetRelease.ConfigWith(["x86_64-unknown-linux-gnu", "x86_64-unknown-linux-musl"]).Replace("bin = \"mytool\"", "bin = [\"mytool\", \"mt\"]", StringComparison.Ordinal));
        using var builds = new TempDir();
        foreach (var (triple, fixture) in new[] { ("gnu", "host-gnu"), ("musl", "musl-static") })
        {
            Directory.CreateDirectory(builds[triple]);
            File.Copy(Fixtures.Path(fixture), builds[$"{triple}/mytool"]);
            File.Copy(Fixtures.Path(fixture), builds[$"{triple}/mt"]);
        }

        var result = CrossdockRunner.RunOk("pack", "--config", project.ConfigPath, "--out", project.Out,
            "--target", "x86_64-unknown-linux-gnu", builds["gnu"], "--target", "x86_64-unknown-linux-musl", builds["musl"]);

        Assert.Equal("note: the NuGet tool packages carry only the command 'mytool': a .NET tool has one command\n", result.Stderr);
        using var rid = ZipFile.OpenRead(Path.Combine(project.Out, "nuget", "my-tool.linux-x64.1.2.0-beta.1.nupkg"));
        Assert.Equal(["tools/any/linux-x64/DotnetToolSettings.xml", "tools/any/linux-x64/mytool"], rid.Entries.Select(e => e.FullName).Where(n => n.StartsWith("tools/", StringComparison.Ordinal)));
    }

    internal static string Text(ZipArchive zip, string entry)
    {
        using var stream = zip.GetEntry(entry)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        // Keep the BOM visible: the SDK writes one on the .nuspec and DotnetToolSettings.xml, none on the OPC parts.
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\uFEFF", "<BOM>", StringComparison.Ordinal);
    }
}
