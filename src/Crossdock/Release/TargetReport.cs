using System.Collections.Immutable;
using Crossdock.Channels.Pypi;
using Crossdock.Config;
using Crossdock.Core.Targets;

namespace Crossdock.Release;

/// <summary>
/// What <c>crossdock targets</c> reports for one target: the table's record, the wheel tags PyPI would take,
/// the channels that can carry it, and whether the project in hand configures it (null outside a project).
/// </summary>
public sealed record TargetReport(Target Target, WheelTagOutline Wheel, ImmutableArray<string> Channels, bool? Configured)
{
    /// <summary>One report per target of the table, in its order; <paramref name="project"/> marks the configured ones.</summary>
    public static ImmutableArray<TargetReport> All(ProjectConfig? project) =>
        [.. TargetTable.All.Select(t => new TargetReport(t, WheelTagOutline.For(t), TargetChannels.For(t), project?.Targets.Contains(t)))];
}
