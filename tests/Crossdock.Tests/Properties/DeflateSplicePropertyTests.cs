using System.Security.Cryptography;
using Crossdock.Core.Archives;
using Crossdock.Core.Files;
using Crossdock.Tests.Support;
using CsCheck;

namespace Crossdock.Tests.Properties;

/// <summary>
/// The DEFLATE fragments crossdock compresses once and splices into both a wheel's zip entry and an npm tarball's
/// gzip member (SharedDeflate, ZipWriter, TarGzWriter, DeflateSettings) must always read back byte-identical with
/// Python's zipfile (testzip checks every CRC) and gzip (which checks the member's CRC-32 and size), for generated
/// archives: random, compressible, zero and empty files, small ones compressed in place and large ones spliced,
/// some past SharedDeflate's 1 MiB chunk so fragments span chunks.
/// </summary>
public sealed class DeflateSplicePropertyTests
{
    private sealed record EntrySpec(string Name, byte[] Content, bool Spliced);

    private static readonly Gen<byte[]> Contents = Gen.Frequency(
        (4, Gen.Byte.Array[0, 4096]),
        (2, Gen.Select(Gen.Byte.Array[1, 64], Gen.Int[0, 200_000], (pattern, size) => Enumerable.Range(0, size).Select(i => pattern[i % pattern.Length]).ToArray())),
        (1, Gen.Int[0, 300_000].Select(size => new byte[size])),
        (1, Gen.Const(Array.Empty<byte>())),
        (1, Gen.Int[1 << 20, (5 << 19)].Select(size => RandomNumberGenerator.GetBytes(size))));

    private static readonly Gen<EntrySpec[]> Archives =
        Gen.Select(Contents, Gen.Bool).Array[1, 5].Select(entries => entries.Select((e, i) => new EntrySpec($"package/dir{i}/file-{i}.bin", e.Item1, e.Item2)).ToArray());

    private sealed record Expected(string Zip, string TarGz, Dictionary<string, string> Sha256);

    [Fact]
    public void Spliced_archives_read_back_byte_identical_with_python()
    {
        using var temp = new TempDir();
        using var workers = new DeflateWorkers(2);
        Archives.Array[30, 30].Sample(cases =>
        {
            var expected = new List<Expected>();
            for (var c = 0; c < cases.Length; c++)
            {
                var zipPath = temp[$"case-{c}.zip"];
                var tgzPath = temp[$"case-{c}.tgz"];
                var timestamp = DateTimeOffset.FromUnixTimeSeconds(499_162_500);
                using (var zipFile = File.Create(zipPath))
                using (var tgzFile = File.Create(tgzPath))
                {
                    var zip = new ZipWriter(zipFile, timestamp);
                    var tar = new TarGzWriter(tgzFile, timestamp);
                    for (var e = 0; e < cases[c].Length; e++)
                    {
                        var entry = cases[c][e];
                        if (!entry.Spliced)
                        {
                            zip.AddFile(entry.Name, entry.Content);
                            tar.AddFile(entry.Name, entry.Content);
                            continue;
                        }
                        var source = temp[$"case-{c}-{e}.src"];
                        File.WriteAllBytes(source, entry.Content);
                        SharedDeflate.Compress(source, entry.Content.Length,
                            [tar.BeginSplicedFile(entry.Name, entry.Content.Length, FileModes.Executable), zip.BeginSplicedEntry(entry.Name, FileModes.Executable)],
                            workers, null, CancellationToken.None);
                    }
                    zip.Finish();
                    tar.Finish();
                }
                expected.Add(new Expected(zipPath, tgzPath, cases[c].ToDictionary(e => e.Name, e => Convert.ToHexStringLower(SHA256.HashData(e.Content)))));
            }

            var problems = RealChecks.RunPython<List<string>>("""
                import gzip, hashlib, io, json, sys, tarfile, zipfile
                problems = []
                for case in json.load(sys.stdin):
                    want = case["Sha256"]
                    with zipfile.ZipFile(case["Zip"]) as z:
                        bad = z.testzip()
                        if bad: problems.append(f'{case["Zip"]}: zipfile: bad CRC in {bad}')
                        got = {n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}
                        if got != want: problems.append(f'{case["Zip"]}: zipfile reads {got}, expected {want}')
                    with open(case["TarGz"], "rb") as f:
                        raw = gzip.decompress(f.read())  # checks the member's CRC-32 and size
                    with tarfile.open(fileobj=io.BytesIO(raw)) as t:
                        got = {m.name: hashlib.sha256(t.extractfile(m).read()).hexdigest() for m in t.getmembers()}
                        if got != want: problems.append(f'{case["TarGz"]}: tarfile reads {got}, expected {want}')
                print(json.dumps(problems))
                """, expected);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }, iter: 1, threads: 1);
    }
}
