namespace Crossdock.Core.Publishing;

/// <summary>What happened to one artifact in a publish run.</summary>
public enum PublishStatus
{
    /// <summary>Uploaded now.</summary>
    Published,

    /// <summary>Already on the registry with the same contents: nothing to do (a resumed release).</summary>
    Skipped,

    /// <summary>--dry-run: would be uploaded.</summary>
    WouldPublish,
}

/// <summary>One line of a publish summary (and of its --json form).</summary>
public sealed record PublishResult(string File, string Package, string Version, PublishStatus Status, string Detail);
