using System.Formats.Tar;
using System.IO.Compression;
using Crossdock.Core;

namespace Crossdock.Channels.Npm;

/// <summary>Reads npm package tarballs (gzip'd tar, entries under <c>package/</c>) with System.Formats.Tar.</summary>
public static class PackageTarball
{

    public static PackageManifest ReadManifest(string tarball)
    {
        PackageManifest? manifest = null;
        Walk(tarball, (entry, data) =>
        {
            if (entry.Name != NpmPackageLayout.Entry("package.json") || data is null) return true;
            manifest = PackageManifest.Read(tarball, data, entry.Length);
            return false;
        });
        return manifest ?? throw CrossdockException.ForFile(tarball, "has no package/package.json");
    }

    /// <summary>Calls <paramref name="visit"/> for each entry in order until it returns false; data streams are read lazily.</summary>
    public static void Walk(string tarball, Func<TarEntry, Stream?, bool> visit)
    {
        try
        {
            using var file = File.OpenRead(tarball);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new TarReader(gzip);
            while (reader.GetNextEntry() is { } entry)
            {
                if (!visit(entry, entry.DataStream)) return;
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw CrossdockException.ForFile(tarball, $"is not a valid npm package tarball (gzip'd tar): {e.Message}");
        }
    }
}
