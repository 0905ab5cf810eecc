using Crossdock.Channels.Pypi;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Pypi;

/// <summary>The upload digests, checked against Python's hashlib — what twine computes and warehouse verifies.</summary>
public sealed class FileDigestsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(65536)]
    [InlineData(1048579)]
    public void Md5_sha256_and_blake2b_256_equal_pythons_hashlib(int size)
    {
        using var dir = new TempDir();
        var data = new byte[size];
        new Random(size).NextBytes(data);
        var path = Path.Combine(dir.Path, "data.bin");
        File.WriteAllBytes(path, data);

        var python = ProcessRunner.RunOk(Tools.Require("python3"), ["-c", """
            import hashlib, sys
            data = open(sys.argv[1], "rb").read()
            print(hashlib.md5(data).hexdigest(), hashlib.sha256(data).hexdigest(), hashlib.blake2b(data, digest_size=32).hexdigest())
            """, path]).Stdout.Split(' ', StringSplitOptions.TrimEntries);
        var digests = FileDigests.Of(path);

        Assert.Equal(size, digests.Size);
        Assert.Equal(python[0], digests.Md5);
        Assert.Equal(python[1], digests.Sha256);
        Assert.Equal(python[2], digests.Blake2b256);
    }
}
