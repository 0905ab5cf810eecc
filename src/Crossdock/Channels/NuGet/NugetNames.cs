using Crossdock.Core.Files;
using Crossdock.Core.Targets;

namespace Crossdock.Channels.NuGet;

/// <summary>
/// The names a RID-specific .NET tool is made of, as the .NET 10 SDK gives them (dotnet/designs
/// <c>accepted/2025/rid-specific-tool-packages.md</c>): the pointer package <c>{id}</c>, one <c>{id}.{rid}</c> per
/// runtime identifier, all at one version, and the folders inside each package.
/// </summary>
public static class NugetNames
{
    /// <summary>The pointer package's type: what <c>dotnet tool install</c> and nuget.org's tool search look for.</summary>
    public const string ToolPackageType = "DotnetTool";

    /// <summary>A RID package's type, so tool search lists only the pointer.</summary>
    public const string RidPackageType = "DotnetToolRidPackage";

    public const string SettingsFile = "DotnetToolSettings.xml";

    /// <summary>The pointer package's RID folder: it holds no executable, only the list of RID packages.</summary>
    public const string AnyRid = "any";

    /// <summary>
    /// The mode the .NET SDK gives every entry, the entry point included: NuGet's pack drops file modes
    /// (NuGet/Home#13121) and its extraction sets the user's execute bit on every file it unpacks
    /// (NuGet/NuGet.Client#1346, NuGet/Home#6778), which is what makes the entry point runnable after install.
    /// </summary>
    public const int EntryMode = FileModes.Regular;

    public static string RidPackageId(string id, string rid) => $"{id}.{rid}";

    /// <summary>
    /// The framework-dependent package's id, <c>{id}.any</c>: the SDK tries this machine's RID, then its parents in the
    /// RID graph, then <c>any</c>, so this package is what a machine without a native build gets.
    /// </summary>
    public static string FrameworkDependentId(string id) => RidPackageId(id, AnyRid);

    public static string FileName(string id, string version) => $"{id}.{version}.nupkg";

    /// <summary>
    /// A package's tool folder, <c>tools/any/{rid}</c>: the SDK packs a NativeAOT tool under the <c>any</c> framework,
    /// since the entry point needs no runtime (seen with SDK 10.0.401; the pointer package uses <c>tools/any/any</c>).
    /// </summary>
    public static string ToolFolder(string rid) => $"tools/any/{rid}";

    /// <summary>
    /// The framework-dependent package's tool folder, <c>tools/{tfm}/any</c>: its .dll needs a runtime of that target
    /// framework (the <c>tfm</c> of its runtimeconfig.json), which is what the SDK names the folder after.
    /// </summary>
    public static string FrameworkDependentFolder(string framework) => $"tools/{framework}/{AnyRid}";

    /// <summary>The .NET runtime identifier of each configured target, once each, in the targets' order.</summary>
    public static IEnumerable<string> Rids(IEnumerable<Target> targets) => targets.Select(t => t.DotnetRid).OfType<string>().Distinct();
}
