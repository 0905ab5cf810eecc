using System.Collections.Immutable;
using Crossdock.Channels.Pypi;
using Crossdock.Core.Targets;
using Crossdock.Inspection;

namespace Crossdock.Release;

/// <summary>
/// What <c>crossdock inspect</c> reports for one file: the raw inspection, the target it maps to, the wheel
/// platform tag and npm fields a package of it must carry, and every warning.
/// </summary>
public sealed record InspectionReport(
    BinaryInspection Inspection,
    Target? Target,
    PlatformTagSet? WheelPlatformTag,
    ImmutableArray<NpmPlatform> Npm,
    ImmutableArray<string> Warnings)
{
    public static InspectionReport Create(BinaryInspection inspection)
    {
        var target = TargetResolver.Detect(inspection);
        var warnings = new List<string>(inspection.Warnings);
        PlatformTagDecision? tags = null;
        if (inspection.IsFat)
        {
            tags = WheelPlatformTags.ForFatMachO(inspection);
        }
        else if (target is { HasWheel: false })
        {
            warnings.Add(WheelPlatformTags.NoWheelNote([target])!); // the wheel tag is null, and this says why
        }
        else if (target is not null)
        {
            tags = WheelPlatformTags.ForTarget(target, inspection);
        }
        if (tags is not null) warnings.AddRange(tags.Warnings);
        if (inspection.Os == OperatingSystemFamily.Linux) warnings.AddRange(ManylinuxPolicy.LibraryWarnings(inspection));

        var npm = inspection.IsFat
            ? [.. inspection.Slices.Select(s => new NpmPlatform(inspection.Os.NpmOs, s.Arch.NpmCpu, null))]
            : target is not null ? ImmutableArray.Create(target.NpmPlatform) : [];
        return new InspectionReport(inspection, target, tags?.Tags, npm, [.. warnings]);
    }
}
