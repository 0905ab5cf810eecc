using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Targets;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Config;

public sealed class ConfigLoaderTests
{
    private const string Minimal = """
        [package]
        name = "my-tool"
        version = "1.2.0"
        """;

    [Fact]
    public void Minimal_file_gets_the_documented_defaults()
    {
        var config = ConfigLoader.Parse("crossdock.toml", Minimal);

        Assert.Equal("my-tool", config.Name);
        Assert.Equal("my-tool", config.Bin);
        Assert.Equal("my-tool", config.Pypi.Name);
        Assert.Equal("my-tool", config.Npm.Name);
        Assert.Equal("my-tool-linux-x64-gnu", config.Npm.PlatformPackageName(TargetTable.Defaults[0]));
        Assert.Equal(TargetTable.Defaults, config.Targets);
        Assert.Equal("1.2.0", config.Version!.Pep440);
    }

    [Fact]
    public void Seed_naming_scheme_unscoped_platform_packages_beside_a_scoped_main_is_expressible()
    {
        var config = ConfigLoader.Parse("crossdock.toml", Minimal + """

            [npm]
            name = "@cribo/cribo"
            platform-package = "cribo-{suffix}"
            """);

        Assert.Equal("@cribo/cribo", config.Npm.Name);
        Assert.Equal("cribo-linux-arm64-musl", config.Npm.PlatformPackageName(TargetTable.FindByTriple("aarch64-unknown-linux-musl")!));
    }

    [Fact]
    public void Windows_arm64_is_added_by_listing_it()
    {
        var config = ConfigLoader.Parse("crossdock.toml", Minimal + """

            targets = ["x86_64-pc-windows-msvc", "aarch64-pc-windows-msvc"]
            """.Replace("\n\n", "\n", StringComparison.Ordinal));

        Assert.Equal(["win32-x64", "win32-arm64"], config.Targets.Select(t => t.NpmSuffix));
    }

    [Theory]
    [InlineData("[package]\nname = \"x\"\nversoin = \"1.0.0\"\n", "crossdock.toml:3: [package] versoin: unknown key (did you mean 'version'?)")]
    [InlineData("[package]\nversion = \"1.0.0\"\n", "crossdock.toml:1: [package] name: required key is missing")]
    [InlineData("[package]\nname = \"bad name!\"\n", "crossdock.toml:2: [package] name: 'bad name!' is not a valid package name")]
    [InlineData("[package]\nname = \"x\"\nversion = \"1.0.0-nightly.1\"\n", "crossdock.toml:3: [package] version: version '1.0.0-nightly.1' has a pre-release label")]
    [InlineData("[package]\nname = \"x\"\nversion = 1\n", "crossdock.toml:3: [package] version: must be a string")]
    [InlineData("[package]\nname = \"x\"\ntargets = [\"x86_64-unknown-linux-gnux\"]\n", "crossdock.toml:3: [package] targets: 'x86_64-unknown-linux-gnux' is not a supported target (did you mean 'x86_64-unknown-linux-gnu'?)")]
    [InlineData("[pakage]\nname = \"x\"\n", "crossdock.toml:1: [pakage] is not a crossdock.toml section (did you mean 'package'?)")]
    [InlineData("name = \"x\"\n", "crossdock.toml:1: key 'name' must be inside a [section]")]
    [InlineData("[package]\nname = \"x\"\nname = \"y\"\n", "crossdock.toml:3: [package] name: set twice (first on line 2)")]
    [InlineData("[package]\nname = \"x\"\n[npm]\nname = \"Upper\"\n", "crossdock.toml:4: [npm] name: 'Upper' is not a valid npm name: it must be lower case")]
    [InlineData("[package]\nname = \"x\"\n[npm]\nplatform-package = \"x-bin\"\n", "crossdock.toml:4: [npm] platform-package: must contain {suffix}")]
    [InlineData("[package]\nname = \"x\"\nversion = \"1.0\n", "crossdock.toml:3:")]
    [InlineData("[package]\nname = \"x\"\nbin = [\"a\", \"a\"]\n", "crossdock.toml:3: [package] bin: 'a' is listed twice")]
    [InlineData("[package]\nname = \"x\"\nbin = [{ file = \"a-cli\" }]\n", "crossdock.toml:3: [package] bin: a { ... } command needs name")]
    [InlineData("[package]\nname = \"x\"\nbin = [{ name = \"a\", path = \"b\" }]\n", "crossdock.toml:3: [package] bin: unknown key 'path' in { ... } (allowed: name, file)")]
    [InlineData("[package]\nname = \"x\"\nbin = [\"my tool\"]\n", "crossdock.toml:3: [package] bin: 'my tool' is not a usable command name")]
    [InlineData("[package]\nname = \"x\"\nauthors = [\"Ann\"]\n", "crossdock.toml:3: [package] authors: must be an array of { name = \"...\", email = \"...\" } tables")]
    [InlineData("[package]\nname = \"x\"\nauthors = [{ email = \"ann\" }]\n", "crossdock.toml:3: [package] authors: 'ann' is not an email address")]
    [InlineData("[package]\nname = \"x\"\nlicense-files = [\"COPYING-NOT-HERE\"]\n", "crossdock.toml:3: [package] license-files: 'COPYING-NOT-HERE' matches no file")]
    [InlineData("[package]\nname = \"x\"\nlicense-files = [\"../LICENSE\"]\n", "crossdock.toml:3: [package] license-files: '../LICENSE' must not leave the project folder")]
    [InlineData("[package]\nname = \"x\"\n[package.urls]\nDocs = \"docs.example.com\"\n", "crossdock.toml:4: [package.urls] Docs: 'docs.example.com' is not an http(s) URL")]
    [InlineData("[package]\nname = \"x\"\n[pypi]\nclassifiers = [\"Programming Language :: Rustt\"]\n", "crossdock.toml:4: [pypi] classifiers: 'Programming Language :: Rustt' is not a classifier PyPI accepts (did you mean 'Programming Language :: Rust'?)")]
    public void Each_problem_is_one_error_naming_file_line_and_key(string toml, string expected)
    {
        var error = Assert.Throws<CrossdockException>(() => ConfigLoader.Parse("crossdock.toml", toml));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Commands_are_a_name_a_list_or_tables_naming_the_file_the_build_writes()
    {
        Assert.Equal([new CommandConfig("my-tool", "my-tool")], ConfigLoader.Parse("crossdock.toml", Minimal).Commands);
        Assert.Equal([new CommandConfig("uv", "uv")], ConfigLoader.Parse("crossdock.toml", Minimal + "\nbin = \"uv\"\n").Commands);

        var config = ConfigLoader.Parse("crossdock.toml", Minimal + "\nbin = [{ name = \"mytool\", file = \"mytool-cli\" }, \"mt\"]\n");

        Assert.Equal([new CommandConfig("mytool", "mytool-cli"), new CommandConfig("mt", "mt")], config.Commands);
        Assert.Equal("mytool", config.Bin);
    }

    [Fact]
    public void Metadata_uses_pyprojects_spellings()
    {
        using var dir = new TempDir();
        dir.Write("LICENSE-MIT", "MIT");
        dir.Write("LICENSE-APACHE", "Apache");
        dir.Write("docs/NOTICE", "notice");
        var path = dir.Write("crossdock.toml", Minimal + """

            authors = [{ name = "Ann Example", email = "ann@example.com" }, { name = "Bo" }]
            maintainers = [{ email = "ops@example.com" }]
            keywords = ["cli", "packaging"]
            license-files = ["LICENSE-*", "docs/NOTICE"]

            [package.urls]
            Documentation = "https://docs.example.com"
            "Bug Tracker" = "https://github.com/example/x/issues"

            [pypi]
            classifiers = ["Environment :: Console", "Programming Language :: Rust"]
            """);

        var config = ConfigLoader.Load(path);

        Assert.Equal([new Person("Ann Example", "ann@example.com"), new Person("Bo", null)], config.Metadata.Authors);
        Assert.Equal("ops@example.com", config.Metadata.Maintainers.Single().ToString());
        Assert.Equal(["cli", "packaging"], config.Metadata.Keywords);
        Assert.Equal(["LICENSE-APACHE", "LICENSE-MIT", "docs/NOTICE"], config.Metadata.LicenseFiles.Select(f => f.RelativePath));
        Assert.Equal([new ProjectUrl("Documentation", "https://docs.example.com"), new ProjectUrl("Bug Tracker", "https://github.com/example/x/issues")], config.Metadata.Urls);
        Assert.Equal("https://github.com/example/x/issues", config.Metadata.IssueTracker?.Url);
        Assert.Equal(["Environment :: Console", "Programming Language :: Rust"], config.Pypi.Classifiers);
    }

    [Fact]
    public void Without_license_files_the_usual_licence_files_at_the_top_are_taken()
    {
        using var dir = new TempDir();
        dir.Write("LICENSE", "MIT");
        dir.Write("COPYING.txt", "GPL");
        dir.Write("src/LICENSE", "not this one");
        var path = dir.Write("crossdock.toml", Minimal);

        Assert.Equal(["COPYING.txt", "LICENSE"], ConfigLoader.Load(path).Metadata.LicenseFiles.Select(f => f.RelativePath));
    }

    [Fact]
    public void Missing_version_is_an_error_only_when_no_version_is_given_on_the_command_line()
    {
        var config = ConfigLoader.Parse("crossdock.toml", "[package]\nname = \"x\"\n");

        Assert.Equal("2.0.0rc1", config.ResolveVersion("2.0.0-rc.1").Pep440);
        var error = Assert.Throws<CrossdockException>(() => config.ResolveVersion(null));
        Assert.Equal("crossdock.toml: [package] version is required (or pass --version)", error.Message);
    }
}
