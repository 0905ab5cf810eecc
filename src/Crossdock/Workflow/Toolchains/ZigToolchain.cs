using Crossdock.Core.Targets;

namespace Crossdock.Workflow.Toolchains;

/// <summary>
/// Zig: <c>zig build</c> cross-compiles to any target, libc included, so every target builds on x86_64 Ubuntu
/// (goreleaser's way: macOS and Windows runners cost several times more and add nothing). A user's own command
/// may need the target's OS, so it gets macOS and Windows runners. ReleaseSafe keeps safety checks in the shipped
/// binary, which is Zig's recommended mode for programs users run.
/// </summary>
public sealed class ZigToolchain : BuildToolchain
{
    public override string Language => "zig";

    public override string? Runner(Target target, BuildSettings build) => HostedRunners.LinuxX64;

    public override string? RunnerForUserCommand(Target target, BuildSettings build) => HostedRunners.CrossCompilingLinuxFromX64(target);

    public override string Command(Target target, BuildSettings build) =>
        $"zig build -Doptimize=ReleaseSafe -Dtarget={target.ZigTarget} --prefix {OutputFolder(target)}";

    /// <summary><c>zig build --prefix P</c> installs each executable as P/bin/NAME, NAME being build.zig's <c>.name</c>.</summary>
    public override string Binary(Target target, string file) =>
        $"{OutputFolder(target)}/bin/{target.ExecutableFileName(file)}";
}
