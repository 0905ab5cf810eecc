using System.CommandLine;
using Crossdock.Channels.NuGet;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Publishing;
using Crossdock.Release;

namespace Crossdock.Cli;

/// <summary><c>crossdock publish nuget</c>: verify, then push the RID packages and the pointer package last, with the real <c>dotnet nuget push</c>.</summary>
internal static class PublishNugetCommand
{
    public static Command Create(CliContext context)
    {
        var config = CommonOptions.Config();
        var output = CommonOptions.Out();
        var version = CommonOptions.Version();
        var source = new Option<string?>("--source") { Description = $"NuGet feed (its V3 service index; default {NugetPublisher.DefaultSource})" };
        var dryRun = CommonOptions.DryRun();
        var json = CommonOptions.Json();
        var command = new Command("nuget", "Push the .NET tool's RID packages, then its pointer package; resumable")
        {
            config, output, version, source, dryRun, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var feed = parse.GetValue(source) ?? NugetPublisher.DefaultSource;
            RegistryUrls.Require(feed, "--source");
            var project = ConfigLoader.Load(parse.GetRequiredValue(config));
            if (!project.Nuget.Enabled) throw CrossdockException.ForFile(project.SourcePath, "[nuget] enabled = false: there is nothing to push");
            var report = VerifyCommand.RequireClean(context, project, parse.GetRequiredValue(output), parse.GetValue(version), VerificationScope.Nuget);
            // An empty variable counts as unset: CI systems expand a missing secret to "".
            var apiKey = context.Environment("NUGET_API_KEY") is { Length: > 0 } key ? new Secret(key) : null;
            var isJson = parse.GetValue(json);
            var log = new PublishOutput(isJson ? context.Error : context.Out, context.OutputIsTerminal && !isJson, text => apiKey?.Mask(text) ?? text);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, context.Cancellation);
            var publisher = new NugetPublisher(feed, apiKey, log, context.Environment);
            var results = await publisher.PublishAsync(NugetPublisher.Order(report.Artifacts), parse.GetValue(dryRun), linked.Token);
            if (isJson) PublishNpmCommand.WriteJson(context.Out, results);
            return ExitCodes.Success;
        });
        return command;
    }
}
