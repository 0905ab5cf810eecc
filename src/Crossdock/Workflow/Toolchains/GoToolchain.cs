using Crossdock.Core.Targets;

namespace Crossdock.Workflow.Toolchains;

/// <summary>
/// Go: with cgo off the compiler cross-compiles every target by itself and the result needs no libc, so every
/// target builds on x86_64 Ubuntu (goreleaser's way), and one libc-free Linux build per architecture serves glibc
/// and musl (see Config's DefaultTargets). Code that imports "C" links libc: it builds with cgo on each target's
/// own machine, musl targets with musl-gcc and linked statically, and cannot make a libc-free binary.
/// </summary>
public sealed class GoToolchain : BuildToolchain
{
    public override string Language => "go";

    public override string? Runner(Target target, BuildSettings build) =>
        !build.Cgo ? HostedRunners.LinuxX64 : target.IsLibcFree ? null : HostedRunners.SameMachine(target);

    public override string? RunnerForUserCommand(Target target, BuildSettings build) => HostedRunners.CrossCompilingLinuxFromX64(target);

    public override string? WhyNot(Target target, BuildSettings build) =>
        build.Cgo && target.IsLibcFree ? "the code imports \"C\" (cgo), which links libc; list the glibc and musl targets instead" : null;

    public override string Command(Target target, BuildSettings build)
    {
        // GOARM picks the ARM revision; armv7 targets need 7 (Go's default is 5, without hardware floats).
        var goarm = target.Arch == CpuArchitecture.Armv7 ? " GOARM=7" : "";
        // One command: -o names the file, whatever the package's folder. Several: go build writes each main package
        // into the folder under its folder's name (cmd/NAME), which the generator checked the commands' files against.
        var output = build.Files.Length == 1
            ? $"-o {Binary(target, build.Files[0])} {build.Project ?? "."}"
            : $"-o {OutputFolder(target)}/ {build.Project ?? "./cmd/..."}";
        if (!build.Cgo) return $"GOOS={target.Os.GoOs} GOARCH={target.Arch.GoArch}{goarm} CGO_ENABLED=0 go build -trimpath -ldflags=\"-s -w\" {output}";
        if (target.Libc == Libc.Musl)
        {
            // musl-gcc from Ubuntu's musl-tools, and a static link: the binary then needs no musl on the user's machine.
            return $"sudo apt-get install -y musl-tools && GOOS={target.Os.GoOs} GOARCH={target.Arch.GoArch}{goarm} CGO_ENABLED=1 CC=musl-gcc "
                + $"go build -trimpath -ldflags=\"-s -w -linkmode external -extldflags -static\" {output}";
        }
        // Apple's clang builds x86_64 on the arm64 macOS runner when asked to.
        var cc = target.Os == OperatingSystemFamily.Macos && target.Arch == CpuArchitecture.X86_64 ? " CC=\"clang -arch x86_64\"" : "";
        return $"GOOS={target.Os.GoOs} GOARCH={target.Arch.GoArch}{goarm} CGO_ENABLED=1{cc} go build -trimpath -ldflags=\"-s -w\" {output}";
    }

    public override string Binary(Target target, string file) =>
        $"{OutputFolder(target)}/{target.ExecutableFileName(file)}";

    /// <summary>The workflow's -o names one command's file; several are named by their cmd/ folders, unless [build] project picks the packages.</summary>
    public override bool ProjectNamesTheFiles(BuildSettings build) => build.Files.Length > 1 && build.Project is null;
}
