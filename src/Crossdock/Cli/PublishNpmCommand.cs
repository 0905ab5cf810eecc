using System.CommandLine;
using System.Text;
using System.Text.Json;
using Crossdock.Channels.Npm;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Publishing;
using Crossdock.Plan;
using Crossdock.Release;

namespace Crossdock.Cli;

/// <summary><c>crossdock publish npm</c>: verify, preflight, then platform packages first and the main package last.</summary>
internal static class PublishNpmCommand
{
    private const string DefaultRegistry = "https://registry.npmjs.org/";

    public static Command Create(CliContext context)
    {
        var config = CommonOptions.Config();
        var output = CommonOptions.Out();
        var version = CommonOptions.Version();
        var registry = new Option<string?>("--registry") { Description = "npm registry URL (default: npm_config_registry, your .npmrc, or registry.npmjs.org)" };
        var tag = new Option<string?>("--tag") { Description = "dist-tag (default: 'next' for a pre-release, 'latest' otherwise)" };
        var provenance = new Option<bool>("--provenance") { Description = "Publish with npm provenance (in GitHub Actions with id-token: write)" };
        var dryRun = CommonOptions.DryRun();
        var json = CommonOptions.Json();
        var command = new Command("npm", "Publish the platform packages, then the main package; resumable")
        {
            config, output, version, registry, tag, provenance, dryRun, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var project = ConfigLoader.Load(parse.GetRequiredValue(config));
            var folder = parse.GetRequiredValue(output);
            var report = VerifyCommand.RequireClean(context, project, folder, parse.GetValue(version), VerificationScope.Npm);

            var npmrc = NpmrcFile.Load(context.Environment);
            var registryUri = RegistryUrls.Require(parse.GetValue(registry) ?? context.Environment("npm_config_registry") ?? npmrc.Registry ?? DefaultRegistry, "--registry");
            // An empty variable counts as unset: CI systems expand a missing secret to "".
            var token = new[] { context.Environment("NODE_AUTH_TOKEN"), context.Environment("NPM_TOKEN"), npmrc.TokenFor(registryUri) }
                .FirstOrDefault(t => !string.IsNullOrEmpty(t)) is { } t ? new Secret(t) : null;
            var uploads = NpmPublisher.Order(report.Artifacts.Where(a => a.Kind != ArtifactKind.Wheel).Select(a => a.File), project.Npm.Name);
            var distTag = NpmPublisher.DistTag(parse.GetValue(tag), report.Version ?? project.ResolveVersion(parse.GetValue(version)));

            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, context.Cancellation);
            var trustedPublishing = context.Environment("ACTIONS_ID_TOKEN_REQUEST_URL") is not null;
            var lines = parse.GetValue(json) ? context.Error : context.Out;
            var publisher = new NpmPublisher(registryUri, token, trustedPublishing, http,
                new PublishOutput(lines, context.OutputIsTerminal && !parse.GetValue(json), text => token?.Mask(text) ?? text), context.Environment);
            var results = await publisher.PublishAsync(uploads, distTag, parse.GetValue(provenance), parse.GetValue(dryRun), linked.Token);
            if (parse.GetValue(json)) WriteJson(context.Out, results);
            return ExitCodes.Success;
        });
        return command;
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<PublishResult> results)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, InspectionJson.Options))
        {
            json.WriteStartArray();
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteString("file", result.File);
                json.WriteString("package", result.Package);
                json.WriteString("version", result.Version);
                json.WriteString("status", result.Status switch { PublishStatus.Published => "published", PublishStatus.Skipped => "skipped", _ => "would-publish" });
                json.WriteString("detail", result.Detail);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
