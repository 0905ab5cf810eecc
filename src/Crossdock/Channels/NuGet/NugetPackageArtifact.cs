using System.Collections.Immutable;
using Crossdock.Core.Targets;
using Crossdock.Plan;

namespace Crossdock.Channels.NuGet;

/// <summary>
/// One .nupkg of a .NET tool, as the .NET SDK lays it out: a RID package (<c>{id}.{rid}.{version}.nupkg</c>, its
/// entry point under <c>tools/any/{rid}/</c>), the framework-dependent package (<c>{id}.any.{version}.nupkg</c>), or the
/// pointer package (<c>{id}.{version}.nupkg</c>) naming them.
/// Entries are written in the SDK's order: <see cref="Leading"/>, the entry point, then <see cref="Trailing"/>.
/// </summary>
/// <param name="Path">Where the package goes (absolute).</param>
/// <param name="Rid">The runtime identifier; <c>any</c> for the pointer package.</param>
/// <param name="Target">The target whose binary is the entry point; null for the pointer package.</param>
/// <param name="Leading">The OPC relationships, the .nuspec, the README and DotnetToolSettings.xml.</param>
/// <param name="EntryPoint">The first command's executable in the package; null for the pointer package. A .NET
/// tool has one command (the SDK refuses "More than one command is defined for the tool").</param>
/// <param name="Trailing">[Content_Types].xml and the core-properties part, which list what precedes them.</param>
/// <param name="FrameworkDependent">The <c>{id}.any</c> package: a framework-dependent build's files, all in
/// <see cref="Leading"/> (copied from the publish folder), for the machines no RID package fits.</param>
public sealed record NugetPackageArtifact(
    string Path,
    string Id,
    string Version,
    string Rid,
    Target? Target,
    ImmutableArray<PlannedFile> Leading,
    string? EntryPoint,
    ImmutableArray<PlannedFile> Trailing,
    bool FrameworkDependent = false)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    public bool IsPointer => Target is null && !FrameworkDependent;
}
