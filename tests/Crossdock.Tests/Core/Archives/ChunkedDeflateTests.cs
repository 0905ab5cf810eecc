using System.Security.Cryptography;
using Crossdock.Core.Archives;
using Crossdock.Core.Files;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Core.Archives;

/// <summary>
/// The chunk-parallel compression of one binary (SharedDeflate on DeflateWorkers): the same bytes at any worker
/// count, a CRC-32 combined from the chunks' equal to zlib's of the whole file, and a zip entry and a gzip member
/// that Python reads back byte-identical, for sizes on both sides of the chunk boundary.
/// </summary>
public sealed class ChunkedDeflateTests
{
    private const int Chunk = SharedDeflate.ChunkSize;

    public static TheoryData<int> Sizes => [0, 1, Chunk - 1, Chunk, Chunk + 1, 3 * Chunk + 17];

    /// <summary>Compressible like machine code: repeats with variation, so back-references cross the chunk boundaries.</summary>
    private static byte[] Content(int size, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[size];
        var words = Enumerable.Range(0, 256).Select(_ => RandomNumberGenerator.GetBytes(random.Next(3, 40))).ToArray();
        for (var at = 0; at < size;)
        {
            var word = words[random.Next(words.Length)];
            var n = Math.Min(word.Length, size - at);
            word.AsSpan(0, n).CopyTo(bytes.AsSpan(at));
            at += n;
            if (at < size && random.Next(8) == 0) bytes[at++] = (byte)random.Next(256);
        }
        return bytes;
    }

    private sealed record Packed(byte[] Zip, byte[] TarGz, SplicedContent Content);

    private static Packed Pack(TempDir temp, string source, int workerCount)
    {
        using var workers = new DeflateWorkers(workerCount);
        using var zipFile = new MemoryStream();
        using var tgzFile = new MemoryStream();
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(499_162_500);
        var zip = new ZipWriter(zipFile, timestamp);
        var tar = new TarGzWriter(tgzFile, timestamp);
        tar.AddFile("package/README.md", "# a file before the spliced one\n"u8);
        var size = new FileInfo(source).Length;
        long reported = 0;
        var content = SharedDeflate.Compress(source, size,
            [zip.BeginSplicedEntry("tool", FileModes.Executable), tar.BeginSplicedFile("package/bin/tool", size, FileModes.Executable)],
            workers, n => reported += n, CancellationToken.None);
        zip.AddFile("after.txt", "and one after\n"u8);
        tar.AddFile("package/after.txt", "and one after\n"u8);
        zip.Finish();
        tar.Finish();
        Assert.Equal(size, reported);
        return new Packed(zipFile.ToArray(), tgzFile.ToArray(), content);
    }

    [Fact]
    public void One_worker_and_every_core_give_the_same_bytes()
    {
        using var temp = new TempDir();
        var source = temp["binary"];
        File.WriteAllBytes(source, Content(5 * Chunk + 4321, seed: 7));

        var sequential = Pack(temp, source, 1);
        var parallel = Pack(temp, source, Math.Max(4, Environment.ProcessorCount));

        Assert.True(sequential.Zip.AsSpan().SequenceEqual(parallel.Zip), "the zip differs between --jobs 1 and all cores");
        Assert.True(sequential.TarGz.AsSpan().SequenceEqual(parallel.TarGz), "the tar.gz differs between --jobs 1 and all cores");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Crc_is_zlibs_and_python_reads_the_entry_back_byte_identical(int size)
    {
        using var temp = new TempDir();
        var source = temp["binary"];
        var bytes = Content(size, seed: size);
        File.WriteAllBytes(source, bytes);

        var packed = Pack(temp, source, 3);
        File.WriteAllBytes(temp["out.zip"], packed.Zip);
        File.WriteAllBytes(temp["out.tgz"], packed.TarGz);

        Assert.Equal(SHA256.HashData(bytes), packed.Content.Sha256);
        var checks = RealChecks.RunPython<Dictionary<string, string>>("""
            import gzip, hashlib, io, json, sys, tarfile, zipfile, zlib
            case = json.load(sys.stdin)
            source = open(case["source"], "rb").read()
            with zipfile.ZipFile(case["zip"]) as z:
                bad = z.testzip()  # every entry's CRC against its data
                zipped = z.read("tool")
                zip_crc = z.getinfo("tool").CRC
            raw = gzip.decompress(open(case["tgz"], "rb").read())  # checks the member's CRC-32 and size
            with tarfile.open(fileobj=io.BytesIO(raw)) as t:
                tarred = t.extractfile("package/bin/tool").read()
            print(json.dumps({
                "zlib_crc": str(zlib.crc32(source)), "zip_crc": str(zip_crc), "testzip": str(bad),
                "zip_same": str(zipped == source), "tar_same": str(tarred == source),
            }))
            """, new { source, zip = temp["out.zip"], tgz = temp["out.tgz"] });

        Assert.Equal(checks["zlib_crc"], packed.Content.Crc32.ToString());
        Assert.Equal(checks["zlib_crc"], checks["zip_crc"]);
        Assert.Equal("None", checks["testzip"]);
        Assert.Equal("True", checks["zip_same"]);
        Assert.Equal("True", checks["tar_same"]);
    }

    [Fact]
    public void Combined_crc_equals_zlibs_crc_of_the_two_runs_end_to_end()
    {
        var random = new Random(42);
        var cases = Enumerable.Range(0, 40).Select(i =>
        {
            var a = RandomNumberGenerator.GetBytes(random.Next(0, 3000));
            var b = RandomNumberGenerator.GetBytes(i < 5 ? i : random.Next(0, 70_000));
            return new { a = Convert.ToBase64String(a), b = Convert.ToBase64String(b), combined = Crc32Combine.Combine(System.IO.Hashing.Crc32.HashToUInt32(a), System.IO.Hashing.Crc32.HashToUInt32(b), b.Length) };
        }).ToArray();

        var zlib = RealChecks.RunPython<uint[]>("""
            import base64, json, sys, zlib
            print(json.dumps([zlib.crc32(base64.b64decode(c["a"]) + base64.b64decode(c["b"])) for c in json.load(sys.stdin)]))
            """, cases);

        Assert.Equal(zlib, cases.Select(c => c.combined));
    }

    [Fact]
    public void Combining_past_4_GiB_matches_appending_zero_blocks()
    {
        // A length beyond 32 bits (the table's powers wrap), checked against combining 1 GiB of zeros five times.
        var zeros = System.IO.Hashing.Crc32.HashToUInt32(new byte[1 << 20]);
        var gib = Enumerable.Repeat(zeros, 1024).Aggregate(0u, (crc, _) => Crc32Combine.Combine(crc, zeros, 1 << 20));
        var stepwise = Enumerable.Range(0, 5).Aggregate(0x12345678u, (crc, _) => Crc32Combine.Combine(crc, gib, 1L << 30));

        Assert.Equal(stepwise, Crc32Combine.Combine(0x12345678u, Enumerable.Range(0, 4).Aggregate(gib, (crc, _) => Crc32Combine.Combine(crc, gib, 1L << 30)), 5L << 30));
    }
}
