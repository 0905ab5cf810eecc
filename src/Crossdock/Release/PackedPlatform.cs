namespace Crossdock.Release;

/// <summary>What writing one target's packages took: the sizes of what was written and the time it took.</summary>
/// <param name="WheelSize">Null when the target has no wheel (FreeBSD).</param>
/// <param name="ArchiveSize">Null when the plan has no GitHub archive.</param>
public sealed record PackedPlatform(PlatformRelease Platform, long? WheelSize, long NpmSize, long? ArchiveSize, TimeSpan Elapsed)
{
    /// <summary>The bytes of the target's binaries, which the packages hold compressed.</summary>
    public long BinarySize => Platform.Binaries.Commands.Sum(c => c.Size);
}
