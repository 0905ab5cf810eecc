using Crossdock.Core.Targets;

namespace Crossdock.Workflow.Toolchains;

/// <summary>
/// .NET NativeAOT: the compiler links with the platform's own native toolchain, so each target builds on a
/// runner of its OS and CPU (arm64 Linux on <see cref="HostedRunners.LinuxArm64"/>, arm64 Windows on
/// <see cref="HostedRunners.WindowsArm64"/>; macOS builds both CPUs with Xcode). musl targets build inside
/// the .NET SDK's Alpine image, because NativeAOT links against the libc of the machine it runs on.
/// </summary>
public sealed class DotnetToolchain : BuildToolchain
{
    /// <summary>The SDK image for musl builds; its tag follows the SDK the workflow installs.</summary>
    private const string AlpineSdkImage = "mcr.microsoft.com/dotnet/sdk:10.0-alpine";

    public override string Language => "dotnet";

    public override string? Runner(Target target, BuildSettings build) =>
        target.DotnetRid is null || target.IsLibcFree ? null : HostedRunners.SameMachine(target);

    public override string? WhyNot(Target target, BuildSettings build) =>
        target.IsLibcFree ? "NativeAOT links the C library; list the glibc and musl targets instead" : null;

    public override string Command(Target target, BuildSettings build)
    {
        var rid = target.DotnetRid ?? throw new InvalidOperationException($"{target.Triple} has no .NET runtime identifier; Runner refuses it");
        var project = build.Project is { } path ? $" {path}" : "";
        var publish = $"dotnet publish{project} -c Release -r {rid} -p:PublishAot=true -o {OutputFolder(target)}";
        if (target.Libc != Libc.Musl) return publish;
        // clang, build-base and zlib-dev are NativeAOT's documented prerequisites on Alpine; the NuGet folder
        // is shared so the workflow's NuGet cache covers this build too. The output folder is made first so
        // that dist/ belongs to the runner's user, not to the container's root, and crossdock pack can write there.
        return $"mkdir -p {OutputFolder(target)} && docker run --rm -v \"$PWD:/src\" -v \"$HOME/.nuget/packages:/root/.nuget/packages\" -w /src {AlpineSdkImage} "
            + $"sh -c 'apk add --no-cache clang build-base zlib-dev && {publish}'";
    }

    /// <summary><c>dotnet publish -o FOLDER</c> writes the project's <c>AssemblyName</c> (default: the project file's name).</summary>
    public override string Binary(Target target, string file) =>
        $"{OutputFolder(target)}/{target.ExecutableFileName(file)}";
}
