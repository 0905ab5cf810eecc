using Crossdock.Core.Targets;

namespace Crossdock.Workflow.Toolchains;

/// <summary>
/// Zig: <c>zig build</c> cross-compiles to any target, libc included, so Linux targets build on x86_64
/// Ubuntu; macOS and Windows build on their own OS. ReleaseSafe keeps safety checks in the shipped binary,
/// which is Zig's recommended mode for programs users run.
/// </summary>
public sealed class ZigToolchain : BuildToolchain
{
    public override string Language => "zig";

    public override string? Runner(Target target) => HostedRunners.CrossCompilingLinuxFromX64(target);

    public override string Command(Target target, BuildSettings build) =>
        $"zig build -Doptimize=ReleaseSafe -Dtarget={target.ZigTarget} --prefix {OutputFolder(target)}";

    public override string Binary(Target target, BuildSettings build) =>
        $"{OutputFolder(target)}/bin/{target.ExecutableFileName(build.Bin)}";
}
