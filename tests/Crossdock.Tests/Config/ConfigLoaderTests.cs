using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Targets;

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
    public void Each_problem_is_one_error_naming_file_line_and_key(string toml, string expected)
    {
        var error = Assert.Throws<CrossdockException>(() => ConfigLoader.Parse("crossdock.toml", toml));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
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
