using Crossdock.Core.Targets;

namespace Crossdock.Workflow.Toolchains;

/// <summary>
/// Go: with cgo off the compiler cross-compiles every target by itself and the result is a static binary,
/// so Linux targets all build on x86_64 Ubuntu (gnu and musl get the same static binary); macOS and Windows
/// build on their own OS, where a user can also run the result.
/// </summary>
public sealed class GoToolchain : BuildToolchain
{
    public override string Language => "go";

    public override string? Runner(Target target) => HostedRunners.CrossCompilingLinuxFromX64(target);

    public override string Command(Target target, BuildSettings build)
    {
        // GOARM picks the ARM revision; armv7 targets need 7 (Go's default is 5, without hardware floats).
        var goarm = target.Arch == CpuArchitecture.Armv7 ? " GOARM=7" : "";
        return $"GOOS={target.Os.GoOs} GOARCH={target.Arch.GoArch}{goarm} CGO_ENABLED=0 go build -trimpath -ldflags=\"-s -w\" -o {Binary(target, build)} {build.Project ?? "."}";
    }

    public override string Binary(Target target, BuildSettings build) =>
        $"{OutputFolder(target)}/{target.ExecutableFileName(build.Bin)}";
}
