namespace Crossdock.Core.Files;

/// <summary>The Unix permission bits crossdock writes into archives (tar headers, zip external attributes).</summary>
public static class FileModes
{
    /// <summary>0755: an executable everyone may run.</summary>
    public const int Executable = 0b111_101_101;

    /// <summary>0644: a file everyone may read.</summary>
    public const int Regular = 0b110_100_100;

    /// <summary>Whether anyone may execute a file with <paramref name="mode"/>.</summary>
    public static bool IsExecutable(int mode) => (mode & 0b001_001_001) != 0;
}
