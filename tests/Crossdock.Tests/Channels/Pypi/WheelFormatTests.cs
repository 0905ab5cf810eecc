using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Crossdock.Core;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Pypi;

/// <summary>The bytes of wheels made by <c>crossdock pack</c>, checked by readers crossdock did not write.</summary>
public sealed class WheelFormatTests(AllTargetsRelease allTargets) : IClassFixture<AllTargetsRelease>
{
    [Fact]
    public void Every_target_gets_a_wheel_named_with_normalized_name_version_and_sorted_tags()
    {
        Assert.Equal(
        [
            "my_tool-1.2.0b1-py3-none-macosx_10_12_x86_64.whl",
            "my_tool-1.2.0b1-py3-none-macosx_11_0_arm64.whl",
            "my_tool-1.2.0b1-py3-none-manylinux2014_aarch64.manylinux_2_17_aarch64.whl",
            "my_tool-1.2.0b1-py3-none-manylinux_2_34_x86_64.whl",
            "my_tool-1.2.0b1-py3-none-musllinux_1_2_aarch64.whl",
            "my_tool-1.2.0b1-py3-none-musllinux_1_2_x86_64.whl",
            "my_tool-1.2.0b1-py3-none-win_amd64.whl",
            "my_tool-1.2.0b1-py3-none-win_arm64.whl",
        ], allTargets.Wheels.Select(Path.GetFileName));
    }

    [Fact]
    public void RECORD_lists_every_file_once_with_its_real_sha256_and_size_and_itself_last()
    {
        foreach (var wheel in allTargets.Wheels)
        {
            using var zip = ZipFile.OpenRead(wheel);
            var recordEntry = zip.Entries.Single(e => e.FullName.EndsWith(".dist-info/RECORD", StringComparison.Ordinal));
            var lines = Read(recordEntry).TrimEnd('\n').Split('\n');
            Assert.Equal($"{recordEntry.FullName},,", lines[^1]);
            Assert.Equal(recordEntry.FullName, zip.Entries[^1].FullName);

            var listed = lines[..^1].Select(l => l.Split(',')).ToDictionary(f => f[0], f => (Hash: f[1], Size: long.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(zip.Entries.Count - 1, listed.Count);
            foreach (var entry in zip.Entries.Where(e => e != recordEntry))
            {
                using var stream = entry.Open();
                var digest = SHA256.HashData(stream);
                var expected = "sha256=" + Convert.ToBase64String(digest).TrimEnd('=').Replace('+', '-').Replace('/', '_');
                Assert.Equal(expected, listed[entry.FullName].Hash);
                Assert.Equal(entry.Length, listed[entry.FullName].Size);
            }
        }
    }

    [Fact]
    public void Zip_structure_follows_PyPIs_upload_rules_as_pythons_zipfile_reads_it()
    {
        var python = Tools.Require("python3");
        // The rules of warehouse's utils/zipfiles.py, checked by Python's own zip reader.
        const string check = """
            import stat, sys, zipfile
            for path in sys.argv[1:]:
                with zipfile.ZipFile(path) as z:
                    assert z.comment == b"", "archive comment"
                    names = [i.filename for i in z.infolist()]
                    assert len(names) == len(set(names)), "duplicate names"
                    for i in z.infolist():
                        assert i.flag_bits & 0x08 == 0, f"data descriptor on {i.filename}"
                        assert i.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED), i.filename
                        i.filename.encode("utf-8")
                        mode = i.external_attr >> 16
                        assert stat.S_ISREG(mode), f"not a regular file: {i.filename}"
                        if "/scripts/" in i.filename:
                            assert mode & 0o777 == 0o755, f"script mode {oct(mode)}"
                    assert z.testzip() is None, "CRC mismatch"
                    assert names[-1].endswith(".dist-info/RECORD"), "RECORD not last"
            print("ok")
            """;

        var result = ProcessRunner.RunOk(python, ["-c", check, .. allTargets.Wheels]);

        Assert.Equal("ok\n", result.Stdout);
    }

    [Fact]
    public void WHEEL_lists_each_filename_tag_expanded_and_METADATA_carries_the_project_fields()
    {
        var wheel = allTargets.Release.Wheel("manylinux2014_aarch64");
        using var zip = ZipFile.OpenRead(wheel);

        var wheelFile = Read(zip.GetEntry("my_tool-1.2.0b1.dist-info/WHEEL")!);
        var metadata = Read(zip.GetEntry("my_tool-1.2.0b1.dist-info/METADATA")!);

        Golden.Match("pypi/WHEEL-manylinux2014_aarch64", wheelFile.Replace($"crossdock {CrossdockVersion.Current}", "crossdock <version>", StringComparison.Ordinal));
        Golden.Match("pypi/METADATA", metadata);
    }

    [Fact]
    public void Executable_is_under_data_scripts_with_exe_suffix_on_windows_and_a_python_dash_m_module_beside_it()
    {
        using var zip = ZipFile.OpenRead(allTargets.Release.Wheel("win_amd64"));

        Assert.Equal(
            ["my_tool-1.2.0b1.data/scripts/mytool.exe", "my_tool/__init__.py", "my_tool/__main__.py", "my_tool/_find_bin.py",
             "my_tool-1.2.0b1.dist-info/METADATA", "my_tool-1.2.0b1.dist-info/WHEEL", "my_tool-1.2.0b1.dist-info/RECORD"],
            zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero).DateTime, e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Twine_check_passes_for_every_wheel()
    {
        var twine = Tools.Require("twine");
        using var scratch = new TempDir();
        foreach (var wheel in allTargets.Wheels)
        {
            var original = ProcessRunner.Run(twine, ["check", "--strict", wheel]);
            if (original.ExitCode != 0)
            {
                // Debian's twine 4.0.2 (pkginfo 1.8) reads Metadata-Version up to 2.2 and reports a 2.4 file as
                // missing Name and Version. crossdock writes 2.4 (License-Expression needs it; PyPI accepts it), so
                // when that is twine's only complaint, check a copy relabelled 2.2 with nothing else changed.
                Assert.Contains("Metadata is missing required fields: Name", original.Output, StringComparison.Ordinal);
                var relabelled = RelabelMetadataVersion(wheel, scratch.Path);
                var result = ProcessRunner.Run(twine, ["check", "--strict", relabelled]);
                Assert.True(result.ExitCode == 0 && result.Stdout.Contains("PASSED", StringComparison.Ordinal), $"{Path.GetFileName(wheel)}:\n{result.Output}");
            }
        }
    }

    internal static string RelabelMetadataVersion(string wheel, string folder)
    {
        var copy = Path.Combine(folder, Path.GetFileName(wheel));
        using var source = ZipFile.OpenRead(wheel);
        using var target = ZipFile.Open(copy, ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            var bytes = ReadBytes(entry);
            if (entry.FullName.EndsWith("/METADATA", StringComparison.Ordinal))
            {
                var text = Encoding.UTF8.GetString(bytes);
                Assert.StartsWith("Metadata-Version: 2.4\n", text, StringComparison.Ordinal);
                bytes = Encoding.UTF8.GetBytes("Metadata-Version: 2.2\n" + text["Metadata-Version: 2.4\n".Length..]);
            }
            using var output = target.CreateEntry(entry.FullName).Open();
            output.Write(bytes);
        }
        return copy;
    }

    private static string Read(ZipArchiveEntry entry) => Encoding.UTF8.GetString(ReadBytes(entry));

    private static byte[] ReadBytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
