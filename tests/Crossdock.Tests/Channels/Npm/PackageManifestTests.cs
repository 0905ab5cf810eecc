using System.Text;
using Crossdock.Channels.Npm;
using Crossdock.Core;

namespace Crossdock.Tests.Channels.Npm;

public sealed class PackageManifestTests
{
    [Fact]
    public void Duplicate_keys_keep_the_last_value_like_JSON_parse()
    {
        var manifest = PackageManifest.Parse("p.tgz", Encoding.UTF8.GetBytes("""{"name":"x","version":"1.0.0","optionalDependencies":{"a":"1.0.0","a":"2.0.0"}}"""));

        Assert.Equal("2.0.0", manifest.OptionalDependencies["a"]);
    }

    [Theory]
    [InlineData("[1, 2]", "package.json is not a JSON object")]
    [InlineData("{\"version\":\"1.0.0\"}", "package.json has no \"name\"")]
    [InlineData("{not json", "package.json is not valid JSON")]
    public void Malformed_package_json_is_one_error_naming_the_tarball(string json, string reason)
    {
        var error = Assert.Throws<CrossdockException>(() => PackageManifest.Parse("p.tgz", Encoding.UTF8.GetBytes(json)));

        Assert.StartsWith("p.tgz: " + reason, error.Message, StringComparison.Ordinal);
    }
}
