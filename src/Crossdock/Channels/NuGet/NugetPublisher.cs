using Crossdock.Core;
using Crossdock.Core.Files;
using Crossdock.Core.Publishing;
using Crossdock.Plan;

namespace Crossdock.Channels.NuGet;

/// <summary>One verified package to push.</summary>
public sealed record NugetUpload(string File, string Id, string Version, bool IsPointer);

/// <summary>
/// Pushes a verified .NET tool to a NuGet feed in the order that never leaves it broken: every RID package first,
/// the pointer package last, so no user can install a pointer whose RID package is not there yet. The feed refuses
/// a version twice (409); <c>--skip-duplicate</c> turns that into a skip, so re-running after any failure pushes
/// what is left and finishes the release.
/// </summary>
public sealed class NugetPublisher(string source, Secret? apiKey, PublishOutput output, Func<string, string?> environment)
{
    public const string DefaultSource = "https://api.nuget.org/v3/index.json";

    public static IReadOnlyList<NugetUpload> Order(IEnumerable<VerifiedArtifact> artifacts) =>
        [.. artifacts.Where(a => a.Kind is ArtifactKind.NugetRidPackage or ArtifactKind.NugetToolPackage)
            .Select(a => new NugetUpload(a.File, a.PackageName ?? "", a.Version ?? "", a.Kind == ArtifactKind.NugetToolPackage))
            .OrderBy(u => u.IsPointer)
            .ThenBy(u => u.Id, StringComparer.Ordinal)];

    public async Task<IReadOnlyList<PublishResult>> PublishAsync(IReadOnlyList<NugetUpload> uploads, bool dryRun, CancellationToken cancellation)
    {
        var results = new List<PublishResult>();
        using var scratch = new TemporaryFolder("crossdock-nuget-");
        for (var i = 0; i < uploads.Count; i++)
        {
            var upload = uploads[i];
            var label = $"[{i + 1}/{uploads.Count}] {upload.Id} {upload.Version}";
            if (dryRun)
            {
                output.Line($"{label}: would push to {source}");
                results.Add(new PublishResult(upload.File, upload.Id, upload.Version, PublishStatus.WouldPublish, source));
                continue;
            }
            output.Status($"{label}: pushing ({TransferProgress.Size(new FileInfo(upload.File).Length)})...");
            var result = await DotnetNugetPush.PushAsync(upload.File, source, apiKey, scratch.Path, environment, cancellation);
            if (result.ExitCode != 0)
            {
                var pushed = results.Count(r => r.Status == PublishStatus.Published);
                throw new CrossdockException($"dotnet nuget push of {upload.Id} {upload.Version} failed (exit {result.ExitCode}); {pushed} package(s) were pushed before it — run the same command again to finish the release:\n{LastLines(result.Output)}");
            }
            if (result.AlreadyThere)
            {
                output.Line($"{label}: already on the feed, skipped");
                results.Add(new PublishResult(upload.File, upload.Id, upload.Version, PublishStatus.Skipped, "already on the feed"));
                continue;
            }
            output.Line($"{label}: pushed");
            results.Add(new PublishResult(upload.File, upload.Id, upload.Version, PublishStatus.Published, source));
        }
        return results;
    }

    private static string LastLines(string text) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(8));
}
