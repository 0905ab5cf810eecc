using System.Buffers;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using Crossdock.Archives;
using Crossdock.Cli;
using Crossdock.Npm;
using Crossdock.Pypi;
using Crossdock.Resources;

namespace Crossdock.Release;

/// <summary>
/// Writes one target's wheel and npm platform package from its binary in a single pass: each chunk of the binary
/// is hashed (SHA-256 for RECORD, CRC-32 for zip and gzip) and compressed once, and the DEFLATE output goes to
/// both archives at the same time. Memory stays at one chunk whatever the binary's size.
/// </summary>
public static class PlatformPackager
{
    private const int ChunkSize = 1 << 20;
    private const int Executable = 0b111_101_101;

    public static void Write(ReleasePlan plan, PlatformRelease platform, Stream wheelOutput, Stream tarballOutput, DateTimeOffset timestamp, CancellationToken cancellation)
    {
        var wheel = platform.Wheel;
        var npm = platform.NpmPackage;
        var zip = new ZipWriter(wheelOutput, timestamp);
        var tar = new TarGzWriter(tarballOutput, timestamp);
        var record = new RecordFile($"{wheel.DistInfoDirectory}/RECORD");

        // package.json first, so readers (assemble, verify, publish) find the manifest without inflating the
        // binary; then the other files in name order.
        tar.AddFile("package/package.json", PlatformPackageContent.PackageJson(plan.Project, npm, platform.Target.Triple));
        tar.AddFile("package/README.md", PlatformPackageContent.Readme(plan.Project, npm, platform.Target.Triple));
        var tarBinary = tar.BeginSplicedFile($"package/{npm.BinaryEntry}", platform.SourceSize, Executable);
        var zipBinary = zip.BeginEntry(wheel.ScriptEntry, Executable);

        var (sha256, crc, size) = CompressOnce(platform, new TeeStream(wheelOutput, tarballOutput), tarBinary, cancellation);

        zip.EndEntry(zipBinary, crc, size);
        record.Add(wheel.ScriptEntry, sha256, size);
        tarBinary.End();
        tar.Finish();

        AddText(zip, record, $"{wheel.ModuleName}/__init__.py", "");
        AddText(zip, record, $"{wheel.ModuleName}/__main__.py", PythonMain(plan.Project.Bin, wheel.ModuleName));
        AddText(zip, record, $"{wheel.DistInfoDirectory}/METADATA", WheelMetadata.Metadata(plan.Project, plan.Version));
        AddText(zip, record, $"{wheel.DistInfoDirectory}/WHEEL", WheelMetadata.Wheel(wheel.Tag, $"crossdock {CrossdockCli.Version}"));
        zip.AddFile($"{wheel.DistInfoDirectory}/RECORD", Encoding.UTF8.GetBytes(record.Render()));
        zip.Finish();
    }

    /// <summary>
    /// Reads the binary once. The DEFLATE fragment ends with a sync flush so the tarball can continue after it; the
    /// final empty block that closes the zip entry's stream is written only to the wheel.
    /// </summary>
    private static (byte[] Sha256, uint Crc, long Size) CompressOnce(PlatformRelease platform, TeeStream both, TarGzWriter.SplicedFile tarBinary, CancellationToken cancellation)
    {
        using var source = new FileStream(platform.SourceBinary, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var crc = new Crc32();
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        long size = 0;
        try
        {
            using var deflate = DeflateSettings.Create(both);
            int read;
            while ((read = source.Read(buffer, 0, ChunkSize)) > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                var chunk = buffer.AsSpan(0, read);
                sha256.AppendData(chunk);
                crc.Append(chunk);
                tarBinary.Append(chunk);
                deflate.Write(chunk);
                size += read;
            }
            deflate.Flush();
            both.DetachSecondary();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (size != platform.SourceSize)
        {
            throw CrossdockException.ForFile(platform.SourceBinary, $"changed while being packed ({platform.SourceSize} bytes planned, {size} read)");
        }
        return (sha256.GetHashAndReset(), crc.GetCurrentHashAsUInt32(), size);
    }

    private static void AddText(ZipWriter zip, RecordFile record, string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        zip.AddFile(name, bytes);
        record.Add(name, SHA256.HashData(bytes), bytes.Length);
    }

    private static string PythonMain(string bin, string module) =>
        EmbeddedText.Read("python_main.py").Replace("{bin}", bin, StringComparison.Ordinal).Replace("{module}", module, StringComparison.Ordinal);
}
