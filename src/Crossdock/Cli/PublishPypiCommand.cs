using System.CommandLine;
using Crossdock.Channels.Pypi;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Publishing;
using Crossdock.Plan;
using Crossdock.Release;

namespace Crossdock.Cli;

/// <summary><c>crossdock publish pypi</c>: verify, then upload every wheel through PyPI's upload API, as twine does.</summary>
internal static class PublishPypiCommand
{
    public static Command Create(CliContext context)
    {
        var config = CommonOptions.Config();
        var output = CommonOptions.Out();
        var version = CommonOptions.Version();
        var repository = new Option<string?>("--repository", "-r") { Description = "Repository name: 'pypi' (default, or TWINE_REPOSITORY), 'testpypi', or a name from ~/.pypirc" };
        var repositoryUrl = new Option<string?>("--repository-url") { Description = "Upload URL (overrides --repository; default TWINE_REPOSITORY_URL), e.g. https://test.pypi.org/legacy/" };
        var skipExisting = new Option<bool>("--skip-existing") { Description = "Skip wheels the repository already has with the same contents (to finish an interrupted release)" };
        var dryRun = CommonOptions.DryRun();
        var json = CommonOptions.Json();
        var command = new Command("pypi", "Upload the wheels to PyPI, TestPyPI or a ~/.pypirc repository")
        {
            config, output, version, repository, repositoryUrl, skipExisting, dryRun, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            // Settle where to and as whom before the (slower) verification, so a wrong option fails at once.
            var destination = PypiDestination.Resolve(parse.GetValue(repository), parse.GetValue(repositoryUrl), context.Environment);
            var project = ConfigLoader.Load(parse.GetRequiredValue(config));
            var report = VerifyCommand.RequireClean(context, project, parse.GetRequiredValue(output), parse.GetValue(version), VerificationScope.Pypi);

            var forms = report.Artifacts.Where(a => a.Kind == ArtifactKind.Wheel).Select(a => a.File)
                .Order(StringComparer.Ordinal).Select(UploadForm.Read).ToList();
            var isJson = parse.GetValue(json);
            var log = new PublishOutput(isJson ? context.Error : context.Out, context.OutputIsTerminal && !isJson, destination.Credentials.Mask);
            using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(30) };
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(30) };
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, context.Cancellation);
            var uploader = new PypiUploader(destination, http, log, UploadRetryPolicy.Default);
            var results = await uploader.UploadAsync(forms, parse.GetValue(skipExisting), parse.GetValue(dryRun), linked.Token);
            if (isJson) PublishNpmCommand.WriteJson(context.Out, results);
            return ExitCodes.Success;
        });
        return command;
    }
}
