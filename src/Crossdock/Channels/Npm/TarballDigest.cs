using System.Security.Cryptography;

namespace Crossdock.Channels.Npm;

/// <summary>The digests npm records for a tarball: <c>dist.integrity</c> (SRI sha512) and <c>dist.shasum</c> (sha1 hex).</summary>
public sealed record TarballDigest(string Integrity, string Shasum, long Size)
{
    public static TarballDigest Of(string tarball)
    {
        using var file = File.OpenRead(tarball);
        using var sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            sha512.AppendData(buffer, 0, read);
            sha1.AppendData(buffer, 0, read);
        }
        return new TarballDigest("sha512-" + Convert.ToBase64String(sha512.GetHashAndReset()), Convert.ToHexStringLower(sha1.GetHashAndReset()), file.Length);
    }
}
