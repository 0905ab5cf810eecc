using Crossdock.Core.Targets;

namespace Crossdock.Workflow.Toolchains;

/// <summary>
/// A user-given <c>[build] command</c> and <c>binary</c> (the generator fills their placeholders). With an
/// unknown tool the safe choice is to build on the target's own machine where GitHub hosts one; other Linux
/// CPUs and FreeBSD fall back to x86_64 Ubuntu, where the command must cross-compile.
/// </summary>
public sealed class CustomToolchain : BuildToolchain
{
    public override string Language => "custom";

    public override string? Runner(Target target, BuildSettings build) =>
        HostedRunners.SameMachine(target) ?? (target.Os == OperatingSystemFamily.Linux || target.Os == OperatingSystemFamily.FreeBsd ? HostedRunners.LinuxX64 : null);

    /// <summary>Never called: the generator requires [build] command and binary for custom builds.</summary>
    public override string Command(Target target, BuildSettings build) =>
        throw new InvalidOperationException("a custom build has no default command");

    public override string Binary(Target target, string file) =>
        throw new InvalidOperationException("a custom build has no default binary path");
}
