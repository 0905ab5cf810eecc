using System.Security.Cryptography;
using Konscious.Security.Cryptography;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// The digests the upload API takes for a file, as lower-case hex: <c>md5_digest</c> (twine still sends it),
/// <c>sha256_digest</c> and <c>blake2_256_digest</c> (the one warehouse keys files on).
/// </summary>
public sealed record FileDigests(long Size, string Md5, string Sha256, string Blake2b256)
{
    /// <summary>Hashes the file in one streaming pass: a wheel is never loaded into memory whole.</summary>
    public static FileDigests Of(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Of(file);
    }

    public static FileDigests Of(Stream data)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var blake2b = NewBlake2b256();
        var buffer = new byte[1 << 16];
        long size = 0;
        int read;
        while ((read = data.Read(buffer)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            sha256.AppendData(buffer, 0, read);
            blake2b.TransformBlock(buffer, 0, read, null, 0);
            size += read;
        }
        blake2b.TransformFinalBlock([], 0, 0);
        return new FileDigests(size, Hex(md5.GetHashAndReset()), Hex(sha256.GetHashAndReset()), Hex(blake2b.Hash!));
    }

    /// <summary>
    /// Unkeyed BLAKE2b with a 32-byte digest, Python's <c>hashlib.blake2b(data, digest_size=32)</c>. .NET has no
    /// BLAKE2; Konscious' HMACBlake2B without a key is plain BLAKE2b (a test checks it against Python's hashlib).
    /// </summary>
    private static HMACBlake2B NewBlake2b256() => new(256);

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
