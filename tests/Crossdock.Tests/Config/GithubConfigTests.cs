using Crossdock.Config;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Config;

public sealed class GithubConfigTests
{
    [Theory]
    [InlineData("https://github.com/acme/tool", "acme/tool")]
    [InlineData("https://github.com/acme/tool.git", "acme/tool")]
    [InlineData("git+https://github.com/acme/tool.git", "acme/tool")]
    [InlineData("git@github.com:acme/tool.git", "acme/tool")]
    [InlineData("https://github.com/acme/tool/tree/main/cli", "acme/tool")]
    [InlineData("https://gitlab.com/acme/tool", null)]
    public void Repository_defaults_to_the_one_a_github_url_names(string url, string? expected)
    {
        Assert.Equal(expected, GithubConfig.RepositoryOf(url));
    }

    [Fact]
    public void Github_section_sets_archives_and_repository_and_refuses_bad_values()
    {
        using var dir = new TempDir();
        var path = dir.Write("crossdock.toml", "[package]\nname = \"t\"\nrepository = \"https://github.com/a/b\"\n\n[github]\narchives = false\nrepository = \"c/d\"\n");
        var config = ConfigLoader.Load(path);
        Assert.Equal(new GithubConfig(false, "c/d"), config.Github);

        var bad = Assert.Throws<Crossdock.Core.CrossdockException>(() => ConfigLoader.Parse(path, "[package]\nname = \"t\"\n[github]\nrepository = \"https://github.com/c/d\"\n"));
        Assert.Equal($"{path}:4: [github] repository: 'https://github.com/c/d' is not owner/name (a GitHub repository, as in https://github.com/owner/name)", bad.Message);
        var flag = Assert.Throws<Crossdock.Core.CrossdockException>(() => ConfigLoader.Parse(path, "[package]\nname = \"t\"\n[github]\narchives = \"no\"\n"));
        Assert.Equal($"{path}:4: [github] archives: must be true or false", flag.Message);
    }
}
