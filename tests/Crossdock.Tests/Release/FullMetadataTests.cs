using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Release;

/// <summary>
/// Every metadata field of crossdock.toml, as it reaches the PyPI and npm pages: golden METADATA and package.json
/// files show each one, the licence files travel in every package, and twine and verify accept the result.
/// </summary>
public sealed class FullMetadataTests : IDisposable
{
    private const string Config = """
        [package]
        name = "my-tool"
        version = "3.1.0"
        description = "A fixture CLI with every metadata field"
        license = "MIT OR Apache-2.0"
        readme = "README.md"
        homepage = "https://example.com/my-tool"
        repository = "https://github.com/example/my-tool"
        bin = ["mytool", "mt"]
        targets = ["x86_64-unknown-linux-gnu"]
        authors = [{ name = "Ann Example", email = "ann@example.com" }, { name = "Bo Builder" }, { name = "Smith, Jo", email = "jo@example.com" }]
        maintainers = [{ name = "Ops Team", email = "ops@example.com" }]
        keywords = ["cli", "packaging", "release"]
        license-files = ["LICENSE-*", "legal/NOTICE"]

        [package.urls]
        Documentation = "https://docs.example.com/my-tool"
        Issues = "https://github.com/example/my-tool/issues"
        Changelog = "https://github.com/example/my-tool/blob/main/CHANGELOG.md"

        [pypi]
        requires-python = ">=3.8"
        classifiers = ["Environment :: Console", "License :: OSI Approved :: MIT License", "Programming Language :: Rust"]
        """;

    private readonly PackedRelease _release = new(Config);

    public FullMetadataTests()
    {
        _release.Dir.Write("LICENSE-MIT", "MIT License\n");
        _release.Dir.Write("LICENSE-APACHE", "Apache License 2.0\n");
        _release.Dir.Write("legal/NOTICE", "Notice\n");
        var build = SeveralCommandsTests.BuildOutput(_release.Dir, "build", "host-gnu", "", "mytool", "mt");
        CrossdockRunner.RunOk(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" },
            "pack", "--config", _release.ConfigPath, "--out", _release.Out, "--target", "x86_64-unknown-linux-gnu", build);
        CrossdockRunner.RunOk("assemble", "--config", _release.ConfigPath, "--out", _release.Out);
    }

    public void Dispose() => _release.Dispose();

    [Fact]
    public void METADATA_shows_every_field()
    {
        using var wheel = ZipFile.OpenRead(_release.Wheel("x86_64"));

        Golden.Match("pypi/METADATA-full", Read(wheel, "my_tool-3.1.0.dist-info/METADATA"));
        Assert.Equal(["my_tool-3.1.0.dist-info/licenses/LICENSE-APACHE", "my_tool-3.1.0.dist-info/licenses/LICENSE-MIT", "my_tool-3.1.0.dist-info/licenses/legal/NOTICE"],
            wheel.Entries.Select(e => e.FullName).Where(n => n.Contains("/licenses/", StringComparison.Ordinal)));
        Assert.Equal("MIT License\n", Read(wheel, "my_tool-3.1.0.dist-info/licenses/LICENSE-MIT"));
    }

    [Fact]
    public void Package_json_of_the_platform_and_main_packages_shows_every_field_and_the_licence_files_travel()
    {
        var platform = Path.Combine(_release.NpmDir, "my-tool-linux-x64-gnu-3.1.0.tgz");
        var main = Path.Combine(_release.NpmDir, "my-tool-3.1.0.tgz");

        Golden.Match("npm/platform-package-full.json", TarballText(platform, "package/package.json"));
        Golden.Match("npm/main-package-full.json", TarballText(main, "package/package.json"));
        foreach (var tarball in new[] { platform, main })
        {
            Assert.Equal("Notice\n", TarballText(tarball, "package/legal/NOTICE"));
            Assert.Equal("Apache License 2.0\n", TarballText(tarball, "package/LICENSE-APACHE"));
        }
        Assert.Contains("require(\"./mytool.js\").main(\"mt\");", TarballText(main, "package/bin/mt.js"), StringComparison.Ordinal);
    }

    [Fact]
    public void Twine_check_and_verify_accept_the_richer_metadata()
    {
        CrossdockRunner.RunOk("verify", "--config", _release.ConfigPath, _release.Out);
        var twine = Tools.Require("twine");
        var wheel = _release.Wheel("x86_64");
        var result = ProcessRunner.Run(twine, ["check", "--strict", wheel]);
        if (result.ExitCode != 0)
        {
            // Debian's twine 4.0.2 reads Metadata-Version up to 2.2 only (see WheelFormatTests): check a copy relabelled 2.2.
            Assert.Contains("Metadata is missing required fields: Name", result.Output, StringComparison.Ordinal);
            using var scratch = new TempDir();
            result = ProcessRunner.Run(twine, ["check", "--strict", Channels.Pypi.WheelFormatTests.RelabelMetadataVersion(wheel, scratch.Path)]);
        }
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("PASSED", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_licence_file_missing_from_a_package_is_a_verify_problem()
    {
        var platform = Path.Combine(_release.NpmDir, "my-tool-linux-x64-gnu-3.1.0.tgz");
        RewriteWithout(platform, "package/legal/NOTICE");

        var result = CrossdockRunner.Run("verify", "--config", _release.ConfigPath, _release.Out);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{platform}: licenses: package/legal/NOTICE is missing: the project's licence file must travel with the package", result.Stdout, StringComparison.Ordinal);
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string TarballText(string tarball, string name)
    {
        using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.Name != name) continue;
            using var text = new StreamReader(entry.DataStream!, Encoding.UTF8);
            return text.ReadToEnd();
        }
        throw new InvalidOperationException($"{tarball} has no {name}");
    }

    private static void RewriteWithout(string tarball, string name)
    {
        var copy = tarball + ".copy";
        using (var input = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
        using (var reader = new TarReader(input))
        using (var output = new GZipStream(File.Create(copy), CompressionLevel.Fastest))
        using (var writer = new TarWriter(output, TarEntryFormat.Ustar))
        {
            while (reader.GetNextEntry(copyData: true) is { } entry)
            {
                if (entry.Name != name) writer.WriteEntry(entry);
            }
        }
        File.Move(copy, tarball, overwrite: true);
    }
}
