using Crossdock.Core;
using Crossdock.Core.Publishing;

namespace Crossdock.Tests.Core.Publishing;

public sealed class RegistryUrlsTests
{
    [Theory]
    [InlineData("https://registry.npmjs.org", "https://registry.npmjs.org/")]
    [InlineData("http://127.0.0.1:4873", "http://127.0.0.1:4873/")]
    [InlineData("http://[::1]:4873/npm/", "http://[::1]:4873/npm/")]
    [InlineData("http://localhost:8080/legacy/", "http://localhost:8080/legacy/")]
    public void Https_anywhere_and_http_on_loopback_are_accepted(string url, string expected)
    {
        Assert.Equal(expected, RegistryUrls.Require(url, "--registry").ToString());
    }

    [Theory]
    [InlineData("http://registry.example.com/", "uses plain http")]
    [InlineData("ftp://registry.example.com/", "is not an http(s) URL")]
    [InlineData("registry.example.com", "is not an http(s) URL")]
    public void Plain_http_elsewhere_and_other_schemes_are_usage_errors(string url, string reason)
    {
        var error = Assert.Throws<CrossdockException>(() => RegistryUrls.Require(url, "--registry"));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_in_the_URL_are_refused_without_repeating_them()
    {
        var error = Assert.Throws<CrossdockException>(() => RegistryUrls.Require("https://bob:S3CRETPASS@registry.example.com/", "--registry"));

        Assert.Equal(2, error.ExitCode);
        Assert.DoesNotContain("S3CRETPASS", error.Message, StringComparison.Ordinal);
        Assert.Contains("has a user name or password in it", error.Message, StringComparison.Ordinal);
    }
}
