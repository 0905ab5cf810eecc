using Crossdock.Core;
using Crossdock.Core.Files;
using Crossdock.Core.Publishing;

namespace Crossdock.Channels.Npm;

/// <summary>One tarball to publish, with the digest the registry will record for it.</summary>
public sealed record NpmUpload(string Tarball, PackageManifest Manifest, TarballDigest Digest, bool IsMain);

/// <summary>
/// Publishes a verified release to an npm registry so that it is never half-published: a preflight reads every
/// package first (nothing is uploaded if any version exists with different bytes, or the registry or token fail),
/// platform packages go first and the main package last, and a version already there with the same integrity is
/// skipped — so re-running after any failure finishes the release with nothing duplicated.
/// </summary>
/// <param name="trustedPublishing">True in a CI job that can mint an OIDC token (GitHub Actions with id-token: write),
/// where npm itself authenticates without a stored token.</param>
public sealed class NpmPublisher(Uri registry, Secret? token, bool trustedPublishing, HttpClient http, PublishOutput output, Func<string, string?> environment)
{
    public static IReadOnlyList<NpmUpload> Order(IEnumerable<string> tarballs, string mainName) =>
        [.. tarballs.Select(t => (Path: t, Manifest: PackageTarball.ReadManifest(t)))
            .Select(t => new NpmUpload(t.Path, t.Manifest, TarballDigest.Of(t.Path), t.Manifest.Name == mainName))
            .OrderBy(u => u.IsMain)
            .ThenBy(u => u.Manifest.Name, StringComparer.Ordinal)];

    /// <summary>The dist-tag: what the user asked for, else <c>next</c> for a pre-release and <c>latest</c> otherwise.</summary>
    public static string DistTag(string? requested, ReleaseVersion version) => requested ?? (version.IsPreRelease ? "next" : "latest");

    public async Task<IReadOnlyList<PublishResult>> PublishAsync(IReadOnlyList<NpmUpload> uploads, string tag, bool provenance, bool dryRun, CancellationToken cancellation)
    {
        var pending = await PreflightAsync(uploads, cancellation);
        var results = new List<PublishResult>();
        using var scratch = new TemporaryFolder("crossdock-npm-");
        for (var i = 0; i < uploads.Count; i++)
        {
            var upload = uploads[i];
            var label = $"{upload.Manifest.Name}@{upload.Manifest.Version}";
            if (!pending.Contains(upload))
            {
                output.Line($"[{i + 1}/{uploads.Count}] {label}: already published with the same contents, skipped");
                results.Add(new PublishResult(upload.Tarball, upload.Manifest.Name, upload.Manifest.Version, PublishStatus.Skipped, "already published with the same integrity"));
                continue;
            }
            if (dryRun)
            {
                output.Line($"[{i + 1}/{uploads.Count}] {label}: would publish with tag '{tag}'");
                results.Add(new PublishResult(upload.Tarball, upload.Manifest.Name, upload.Manifest.Version, PublishStatus.WouldPublish, tag));
                continue;
            }
            output.Status($"[{i + 1}/{uploads.Count}] {label}: publishing ({TransferProgress.Size(upload.Digest.Size)})...");
            var result = await NpmCommand.PublishAsync(upload.Tarball, registry, token, tag, upload.Manifest.Name.StartsWith('@'), provenance, scratch.Path, environment, cancellation);
            if (result.ExitCode != 0 && !await AlreadyThereAsync(upload, cancellation))
            {
                throw new CrossdockException($"npm publish of {label} failed (exit {result.ExitCode}); {results.Count(r => r.Status == PublishStatus.Published)} package(s) were published before it — run the same command again to finish the release:\n{LastLines(result.Output)}");
            }
            output.Line($"[{i + 1}/{uploads.Count}] {label}: published with tag '{tag}' ({TransferProgress.Size(upload.Digest.Size)})");
            results.Add(new PublishResult(upload.Tarball, upload.Manifest.Name, upload.Manifest.Version, PublishStatus.Published, tag));
        }
        return results;
    }

    /// <summary>Reads every package before the first upload; returns the uploads still to do.</summary>
    private async Task<HashSet<NpmUpload>> PreflightAsync(IReadOnlyList<NpmUpload> uploads, CancellationToken cancellation)
    {
        var client = new NpmRegistryClient(registry, token, http);
        if (token is null && !trustedPublishing)
        {
            throw new CrossdockException($"nothing was published: no npm token for {registry} (set NODE_AUTH_TOKEN or NPM_TOKEN, or add //host/:_authToken to your .npmrc)");
        }
        var user = token is null ? null : await client.WhoAmIAsync(cancellation);
        if (user is not null) output.Line($"registry {registry}: authenticated as {user}");
        var pending = new HashSet<NpmUpload>();
        var conflicts = new List<string>();
        foreach (var upload in uploads)
        {
            var package = await client.GetPackageAsync(upload.Manifest.Name, cancellation);
            if (user is not null && !await client.CanPublishAsync(package, user, cancellation))
            {
                conflicts.Add($"{upload.Manifest.Name} exists and {user} may not publish it (maintainers: {string.Join(", ", package.Maintainers.DefaultIfEmpty("?"))}); ask them to add you, or choose other names");
                continue;
            }
            if (!package.VersionIntegrity.TryGetValue(upload.Manifest.Version, out var integrity))
            {
                pending.Add(upload);
            }
            else if (integrity != upload.Digest.Integrity)
            {
                conflicts.Add($"{upload.Manifest.Name}@{upload.Manifest.Version} is already published with different contents ({integrity ?? "no integrity"}, this tarball is {upload.Digest.Integrity}); npm versions cannot be overwritten: release a new version");
            }
        }
        if (conflicts.Count > 0)
        {
            throw new CrossdockException($"nothing was published: {string.Join("; ", conflicts)}");
        }
        return pending;
    }

    /// <summary>After a failed publish, whether the registry has the version anyway with our bytes (a lost reply).</summary>
    private async Task<bool> AlreadyThereAsync(NpmUpload upload, CancellationToken cancellation)
    {
        try
        {
            var package = await new NpmRegistryClient(registry, token, http).GetPackageAsync(upload.Manifest.Name, cancellation);
            return package.VersionIntegrity.TryGetValue(upload.Manifest.Version, out var integrity) && integrity == upload.Digest.Integrity;
        }
        catch (CrossdockException)
        {
            return false;
        }
    }

    private static string LastLines(string output) =>
        string.Join('\n', output.TrimEnd().Split('\n').TakeLast(6).Select(l => "  " + l.TrimEnd()));
}
