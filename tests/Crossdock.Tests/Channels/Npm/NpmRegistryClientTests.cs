using System.Net;
using Crossdock.Channels.Npm;
using Crossdock.Core;
using Crossdock.Core.Publishing;

namespace Crossdock.Tests.Channels.Npm;

/// <summary>
/// Who may publish an existing package. Verdaccio records neither collaborators nor maintainers, so these cases
/// answer with npmjs's documented responses from a stub HTTP handler; the rest of publishing is tested against a
/// real Verdaccio (PublishNpmTests).
/// </summary>
public sealed class NpmRegistryClientTests
{
    private static readonly RegistryPackage Existing = new("tool-linux-x64-gnu", true, new Dictionary<string, string?>(), ["alice"]);

    [Theory]
    [InlineData("""{"alice":"read-write","bob":"read-write"}""", "bob", true)]
    [InlineData("""{"alice":"read-write","bob":"read-only"}""", "bob", false)]
    [InlineData("""{"alice":"read-write"}""", "bob", false)]
    public async Task Collaborators_decide_where_the_registry_lists_them(string collaborators, string user, bool allowed)
    {
        var client = Client(HttpStatusCode.OK, collaborators);

        Assert.Equal(allowed, await client.CanPublishAsync(Existing, user, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("alice", true)]
    [InlineData("bob", false)]
    public async Task Maintainers_decide_where_the_registry_has_no_collaborators_endpoint(string user, bool allowed)
    {
        var client = Client(HttpStatusCode.NotFound, "{}");

        Assert.Equal(allowed, await client.CanPublishAsync(Existing, user, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_new_package_can_always_be_published()
    {
        var client = Client(HttpStatusCode.OK, "{}");

        Assert.True(await client.CanPublishAsync(new RegistryPackage("new", false, new Dictionary<string, string?>(), []), "bob", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_registry_answering_with_HTML_gets_one_clear_error()
    {
        var client = Client(HttpStatusCode.OK, "<html><body>Sign in to the proxy</body></html>");

        var error = await Assert.ThrowsAsync<CrossdockException>(() => client.GetPackageAsync("tool", TestContext.Current.CancellationToken));

        Assert.Contains("the document of tool is not JSON", error.Message, StringComparison.Ordinal);
    }

    private static NpmRegistryClient Client(HttpStatusCode status, string body) =>
        new(new Uri("https://registry.example/"), new Secret("token"), new HttpClient(new Answer(status, body)));

    private sealed class Answer(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });
    }
}
