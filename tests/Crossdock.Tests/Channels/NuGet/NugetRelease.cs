using System.Text.RegularExpressions;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.NuGet;

/// <summary>A project packed for the given targets (every default one by default) and assembled, at a fixed SOURCE_DATE_EPOCH.</summary>
public sealed class NugetRelease : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Epoch = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" };

    public const string Version = "1.2.0-beta.1";

    public NugetRelease(string? config = null, IEnumerable<string>? targets = null)
    {
        Release = new PackedRelease(config);
        Release.Dir.Write("LICENSE", "MIT License\n");
        Release.Pack(targets, Epoch);
        CrossdockRunner.RunOk(Epoch, "assemble", "--config", Release.ConfigPath, "--out", Release.Out);
    }

    /// <summary>A release of only <paramref name="targets"/>: configured, packed and assembled.</summary>
    public static NugetRelease For(params string[] targets) => new(ConfigWith(targets), targets);

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
