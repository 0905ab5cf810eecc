using System.Text.RegularExpressions;
using Crossdock.Core.Targets;

namespace Crossdock.Config;

/// <summary><c>[nuget]</c>: whether <c>pack</c> and <c>assemble</c> write .NET tool packages, and the tool's package id.</summary>
/// <param name="Enabled">false: no NuGet packages at all (<c>[nuget] enabled = false</c>).</param>
/// <param name="Id">The pointer package's id; each RID package is <c>{Id}.{rid}</c> (the .NET SDK's naming).</param>
/// <param name="FrameworkDependent"><c>framework-dependent = true</c>: the release workflow also publishes a
/// framework-dependent build and assembles it as <c>{Id}.any</c>, the SDK's fallback for RIDs without a native build.</param>
public sealed partial record NugetConfig(bool Enabled, string Id, bool FrameworkDependent = false)
{
    /// <summary>NuGet's longest package id (NuGet.Packaging's <c>PackageIdValidator.MaxPackageIdLength</c>).</summary>
    public const int MaxIdLength = 100;

    /// <summary>
    /// Why <paramref name="id"/> cannot be a NuGet id of a tool with RID packages for <paramref name="targets"/>; null
    /// when it can. NuGet's rule: word characters in runs joined by single '.', '-' or '_', at most 100 characters,
    /// and that must hold for the longest <c>{id}.{rid}</c> too.
    /// </summary>
    public static string? IdProblem(string id, IEnumerable<Target> targets)
    {
        if (!IdPattern().IsMatch(id)) return "is not a NuGet package id (letters, digits and '_', joined by single '.', '-' or '_')";
        var longest = targets.Select(t => t.DotnetRid).OfType<string>().Select(rid => $"{id}.{rid}").MaxBy(n => n.Length) ?? id;
        return longest.Length > MaxIdLength ? $"gives the RID package id '{longest}', longer than the {MaxIdLength} characters NuGet allows" : null;
    }

    [GeneratedRegex(@"^\w+(?:[.-]\w+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
