using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Release;

/// <summary>
/// <c>crossdock verify</c> on packages that lie about what they hold: a platform package or wheel made by crossdock,
/// then given an entry npm or pip would unpack onto users' disks (written with System.Formats.Tar and
/// System.IO.Compression, independent writers). Each must be one problem line, exit 1, and nothing extracted
/// outside verify's own temporary folder.
/// </summary>
public sealed class ArchiveLieTests : IDisposable
{
    private const string Tarball = "my-tool-linux-x64-gnu-1.0.0.tgz";
    private const string Wheel = "my_tool-1.0.0-py3-none-manylinux_2_34_x86_64.whl";
    private readonly PackedRelease _release = new("""
        [package]
        name = "my-tool"
        version = "1.0.0"
        bin = "mytool"
        targets = ["x86_64-unknown-linux-gnu"]
        """);

    private readonly string _escape = Path.Combine(Path.GetTempPath(), $"crossdock-escaped-{Guid.NewGuid():N}");

    public ArchiveLieTests()
    {
        CrossdockRunner.RunOk("pack", "--config", _release.ConfigPath, "--out", _release.Out, Fixtures.Path("host-gnu"));
        CrossdockRunner.RunOk("assemble", "--config", _release.ConfigPath, "--out", _release.Out);
    }

    public void Dispose()
    {
        _release.Dispose();
        if (File.Exists(_escape)) File.Delete(_escape);
    }

    public static TheoryData<string, TarEntryType, string, string> TarballLies => new()
    {
        { "package/../escaped", TarEntryType.RegularFile, "", "entry package/../escaped has a '..' segment: extracted, it would land outside the package folder" },
        { "package/bin/../../escaped", TarEntryType.RegularFile, "", "entry package/bin/../../escaped has a '..' segment: extracted, it would land outside the package folder" },
        { "ABSOLUTE", TarEntryType.RegularFile, "", "is an absolute path: extracted, it would be written anywhere on the disk" },
        { "other/readme", TarEntryType.RegularFile, "", "entry other/readme is not under package/" },
        { "package/bin/helper", TarEntryType.SymbolicLink, "/etc/passwd", "entry package/bin/helper is a symbolic link (to /etc/passwd), not a file" },
        { "package/README2.md", TarEntryType.HardLink, "package/README.md", "entry package/README2.md is a hard link (to package/README.md), not a file" },
        { "package/tty", TarEntryType.CharacterDevice, "", "entry package/tty is a device (CharacterDevice), not a file" },
        { "package/disk", TarEntryType.BlockDevice, "", "entry package/disk is a device (BlockDevice), not a file" },
        { "package/pipe", TarEntryType.Fifo, "", "entry package/pipe is a FIFO, not a file" },
        { "package/bin/mytool-extra", TarEntryType.RegularFile, "", "package/bin/mytool-extra (5 bytes) is not a file crossdock writes; the package holds only package.json, README.md, bin/mytool" },
    };

    [Theory]
    [MemberData(nameof(TarballLies))]
    public void Tarball_entry_npm_would_put_outside_the_package_or_that_is_no_plain_file_is_reported(string name, TarEntryType type, string link, string message)
    {
        var entryName = name == "ABSOLUTE" ? _escape : name;
        var tarball = Path.Combine(_release.NpmDir, Tarball);
        AppendToTarball(tarball, Entry(entryName, type, link, "evil\n"));

        // Only the npm checks: the changed tarball no longer matches the GitHub Release's sha256.sum either.
        var result = Verify("--only", "npm");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(Lines(result.Stdout));
        Assert.Equal($"{tarball}: layout: {(name == "ABSOLUTE" ? $"entry {_escape} " : "")}{message}", line);
        AssertNothingEscaped();
    }

    [Fact]
    public void Extra_2_GB_file_in_a_platform_package_is_a_problem_judged_from_its_header()
    {
        var tarball = Path.Combine(_release.NpmDir, Tarball);
        const long size = 2L << 30;
        var entry = new UstarTarEntry(TarEntryType.RegularFile, "package/bin/payload") { Mode = (UnixFileMode)Convert.ToInt32("755", 8), DataStream = new ZeroStream(size) };
        AppendToTarball(tarball, entry);

        var result = Verify("--only", "npm");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{tarball}: layout: package/bin/payload (2147483648 bytes) is not a file crossdock writes; the package holds only package.json, README.md, bin/mytool",
            Assert.Single(Lines(result.Stdout)));
    }

    [Fact]
    public void Wheel_entry_outside_its_folders_a_link_or_an_extra_file_is_reported_even_with_a_consistent_RECORD()
    {
        var wheel = Path.Combine(_release.PypiDir, Wheel);
        AddToWheel(wheel,
        [
            ("../escaped", "evil\n", "100644"),
            ("my_tool/extra.py", "print('not crossdock')\n", "100644"),
            ("my_tool/link.py", "/etc/passwd", "120777"),
        ]);

        var result = Verify("--only", "pypi");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
        [
            $"{wheel}: layout: entry ../escaped has a '..' segment: extracted, it would land outside the package folder",
            $"{wheel}: layout: my_tool/extra.py (23 bytes) is not a file crossdock writes; a wheel holds only my_tool-1.0.0.data/scripts/*, the package my_tool/, my_tool-1.0.0.dist-info/ METADATA, WHEEL, RECORD and licence files",
            $"{wheel}: layout: entry my_tool/link.py is a symbolic link, not a file",
        ], Lines(result.Stdout));
        AssertNothingEscaped();
    }

    private ProcessResult Verify(params string[] extra) => CrossdockRunner.Run(["verify", "--config", _release.ConfigPath, .. extra, _release.Out]);

    private void AssertNothingEscaped()
    {
        Assert.False(File.Exists(_escape), $"{_escape} was written");
        Assert.DoesNotContain(_release.Dir.Files(), f => Path.GetFileName(f) == "escaped");
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "escaped")));
    }

    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

    private static TarEntry Entry(string name, TarEntryType type, string link, string content)
    {
        var entry = new PaxTarEntry(type, name) { Mode = (UnixFileMode)Convert.ToInt32("644", 8) };
        if (type is TarEntryType.SymbolicLink or TarEntryType.HardLink) entry.LinkName = link;
        if (type == TarEntryType.RegularFile) entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return entry;
    }

    /// <summary>Rewrites a tarball with every entry it had, then <paramref name="extra"/>, streaming (a 2 GB entry is never held in memory).</summary>
    private static void AppendToTarball(string path, TarEntry extra)
    {
        var rewritten = path + ".new";
        using (var input = File.OpenRead(path))
        using (var gzipIn = new GZipStream(input, CompressionMode.Decompress))
        using (var reader = new TarReader(gzipIn))
        using (var output = File.Create(rewritten))
        using (var gzipOut = new GZipStream(output, CompressionLevel.Fastest))
        using (var writer = new TarWriter(gzipOut, TarEntryFormat.Pax))
        {
            while (reader.GetNextEntry(copyData: true) is { } entry) writer.WriteEntry(entry);
            writer.WriteEntry(extra);
        }
        File.Move(rewritten, path, overwrite: true);
    }

    /// <summary>Adds entries to a wheel with System.IO.Compression and lists them in RECORD with their real hashes.</summary>
    private static void AddToWheel(string path, (string Name, string Content, string Mode)[] extra)
    {
        var entries = new List<(string Name, byte[] Bytes, int Mode)>();
        using (var source = ZipFile.OpenRead(path))
        {
            foreach (var entry in source.Entries)
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                entries.Add((entry.FullName, buffer.ToArray(), entry.ExternalAttributes >> 16));
            }
        }
        var record = entries.FindIndex(e => e.Name.EndsWith("/RECORD", StringComparison.Ordinal));
        var recordEntry = entries[record];
        entries.RemoveAt(record);
        entries.AddRange(extra.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Content), Convert.ToInt32(e.Mode, 8))));
        var lines = entries.Select(e => $"{e.Name},sha256={Convert.ToBase64String(SHA256.HashData(e.Bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_')},{e.Bytes.Length}");
        entries.Add((recordEntry.Name, Encoding.UTF8.GetBytes(string.Join('\n', lines) + $"\n{recordEntry.Name},,\n"), recordEntry.Mode));
        File.Delete(path);
        using var target = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes, mode) in entries)
        {
            var entry = target.CreateEntry(name);
            entry.ExternalAttributes = mode << 16;
            using var stream = entry.Open();
            stream.Write(bytes);
        }
    }

    /// <summary>A seekable stream of <paramref name="length"/> zero bytes, produced as read.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            Array.Clear(buffer, offset, n);
            Position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
