using Crossdock.Core;

namespace Crossdock.Tests.Core;

public sealed class ReleaseVersionTests
{
    [Theory]
    [InlineData("1.2.0", "1.2.0", "1.2.0")]
    [InlineData("1.2.0-beta.1", "1.2.0b1", "1.2.0-beta.1")]
    [InlineData("1.2.0-rc.2", "1.2.0rc2", "1.2.0-rc.2")]
    [InlineData("1.2.0-alpha.3", "1.2.0a3", "1.2.0-alpha.3")]
    [InlineData("1.2.0b1", "1.2.0b1", "1.2.0-beta.1")]
    [InlineData("1.2.0rc2", "1.2.0rc2", "1.2.0-rc.2")]
    [InlineData("1.2.0a3", "1.2.0a3", "1.2.0-alpha.3")]
    [InlineData("1.2.0.beta.4", "1.2.0b4", "1.2.0-beta.4")]
    [InlineData("1.2.0-beta", "1.2.0b0", "1.2.0-beta")]
    [InlineData("v2.0.1", "2.0.1", "2.0.1")]
    [InlineData("1.2", "1.2", "1.2.0")]
    public void Semver_and_PEP_440_spellings_map_to_each_other(string input, string pep440, string semver)
    {
        var version = ReleaseVersion.Parse(input);

        Assert.Equal(pep440, version.Pep440);
        Assert.Equal(semver, version.Semver);
    }

    [Theory]
    [InlineData("1.2.0-beta.1")]
    [InlineData("1.2.0-rc.2")]
    [InlineData("1.2.0-alpha.3")]
    [InlineData("3.0.0")]
    public void Each_form_parses_back_to_the_same_version(string semver)
    {
        var version = ReleaseVersion.Parse(semver);

        Assert.Equal(version.Pep440, ReleaseVersion.Parse(version.Pep440).Pep440);
        Assert.Equal(version.Semver, ReleaseVersion.Parse(version.Pep440).Semver);
        Assert.Equal(version.Semver, ReleaseVersion.Parse(version.Semver).Semver);
    }

    [Theory]
    [InlineData("1.2.0-nightly.5", "pre-release label")]
    [InlineData("1.2.0+build.7", "build/local metadata")]
    [InlineData("1!1.2.0", "epoch")]
    [InlineData("1.2.0.post1", "post- or dev-release")]
    [InlineData("1.2.0.dev3", "post- or dev-release")]
    [InlineData("1.2.3.4", "at most three")]
    [InlineData("banana", "neither semver")]
    [InlineData("1.0.20240101123456", "larger than 2147483647")]
    public void Versions_that_cannot_be_written_for_both_registries_are_refused(string input, string reason)
    {
        var error = Assert.Throws<FormatException>(() => ReleaseVersion.Parse(input));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pre_releases_are_flagged()
    {
        Assert.True(ReleaseVersion.Parse("1.0.0-rc.1").IsPreRelease);
        Assert.False(ReleaseVersion.Parse("1.0.0").IsPreRelease);
    }
}
