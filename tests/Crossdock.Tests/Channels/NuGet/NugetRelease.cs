using System.Text.RegularExpressions;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.NuGet;

/// <summary>A project packed for the given targets (every default one by default) and assembled, at a fixed SOURCE_DATE_EPOCH.</summary>
public sealed class NugetRelease : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Epoch = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" };

    public const string Version = "1.2.0-beta.1";

    /// <param name="assemble">More arguments for assemble (--nuget-framework-dependent DIR).</param>
    public NugetRelease(string? config = null, IEnumerable<string>? targets = null, params string[] assemble)
    {
        Release = new PackedRelease(config);
        Release.Dir.Write("LICENSE", "MIT License\n");
        Release.Pack(targets, Epoch);
        Assemble(assemble);
    }

    public ProcessResult Assemble(params string[] extra) =>
        CrossdockRunner.RunOk(Epoch, ["assemble", "--config", Release.ConfigPath, "--out", Release.Out, .. extra]);

    /// <summary>A release of only <paramref name="targets"/>: configured, packed and assembled.</summary>
    public static NugetRelease For(params string[] targets) => new(ConfigWith(targets), targets);

    /// <summary>A release of <paramref name="targets"/> whose assemble also packs <paramref name="frameworkDependent"/> as the any package.</summary>
    public static NugetRelease WithFrameworkDependent(string frameworkDependent, params string[] targets) =>
        new(ConfigWith(targets), targets, "--nuget-framework-dependent", frameworkDependent);

    public string FrameworkDependentPackage => Path.Combine(Folder, $"my-tool.any.{Version}.nupkg");

    /// <summary>The tests' default crossdock.toml with <c>[package] targets</c> replaced, and <paramref name="extra"/> appended.</summary>
    public static string ConfigWith(IEnumerable<string> targets, string extra = "") =>
        Regex.Replace(PackedRelease.DefaultConfig, @"targets = \[[^\]]*\]", $"targets = [{string.Join(", ", targets.Select(t => $"\"{t}\""))}]") + extra;

    public PackedRelease Release { get; }

    public string Folder => Path.Combine(Release.Out, "nuget");

    public string Pointer => Path.Combine(Folder, $"my-tool.{Version}.nupkg");

    public string RidPackage(string rid) => Path.Combine(Folder, $"my-tool.{rid}.{Version}.nupkg");

    public ProcessResult Verify() =>
        CrossdockRunner.Run("verify", "--config", Release.ConfigPath, "--only", "nuget", Release.Out);

    public void Dispose() => Release.Dispose();
}
