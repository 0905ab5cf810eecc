using System.Collections.Immutable;
using Crossdock.Core.Targets;
using Crossdock.Inspection;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// The platform tags a target's wheel will carry, before any binary is seen: what <c>crossdock targets</c> shows.
/// The parts the binary decides are letters (<c>manylinux_2_X_x86_64</c>: X is the binary's glibc need);
/// <see cref="WheelPlatformTags"/> fills them in from the inspected binary when packing.
/// </summary>
/// <param name="Family">The tag family: "manylinux", "musllinux", "manylinux+musllinux" (libc-free), "macosx", "windows", or "none".</param>
/// <param name="Tags">The tag shapes, one per family the wheel carries; empty when no wheel can exist.</param>
/// <param name="OldestTag">The lowest tag the wheel may get (the glibc baseline, macOS 11 on arm64), where there is a floor.</param>
/// <param name="NoWheelReason">Why PyPI can take no wheel for the target; null when it can.</param>
public sealed record WheelTagOutline(string Family, ImmutableArray<string> Tags, string? OldestTag, string? NoWheelReason)
{
    public bool HasWheel => NoWheelReason is null;

    public static WheelTagOutline For(Target target)
    {
        var arch = target.Arch;
        // No default arm: a new tag family must be described here (the compiler says so), not fall into "none".
#pragma warning disable CS8524 // only named families exist
        return target.WheelTagFamily switch
        {
            WheelTagFamily.Manylinux => new("manylinux", [$"manylinux_2_X_{arch.LinuxWheelArch}"],
                WheelPlatformTags.Manylinux(new GlibcVersion(2, arch.ManylinuxBaseline), arch).First(), null),
            WheelTagFamily.Musllinux => new("musllinux", [$"musllinux_{WheelPlatformTags.MusllinuxVersion}_{arch.LinuxWheelArch}"], null, null),
            WheelTagFamily.Macosx => new("macosx", [$"macosx_X_Y_{arch.MacosWheelArch}"],
                arch == CpuArchitecture.Aarch64 ? $"macosx_{WheelPlatformTags.MacosTagVersion(WheelPlatformTags.FirstArm64Macos)}_{arch.MacosWheelArch}" : null, null),
            // A libc-free program's wheel carries both families at the manylinux floor: nothing is left for the binary to decide.
            WheelTagFamily.ManylinuxAndMusllinux => new("manylinux+musllinux",
                [$"manylinux_2_{arch.ManylinuxBaseline}_{arch.LinuxWheelArch}", $"musllinux_{WheelPlatformTags.MusllinuxVersion}_{arch.LinuxWheelArch}"],
                WheelPlatformTags.Manylinux(new GlibcVersion(2, arch.ManylinuxBaseline), arch).First(), null),
            WheelTagFamily.Windows => new("windows", [WheelPlatformTags.WindowsTag(arch)], null, null),
            WheelTagFamily.None => new("none", [], null, WheelPlatformTags.NoWheelReason(target)),
        };
#pragma warning restore CS8524
    }
}
