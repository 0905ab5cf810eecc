using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.GitHub;

/// <summary>A project packed and assembled (fixed SOURCE_DATE_EPOCH), with the paths of its GitHub Release assets.</summary>
public sealed class GithubRelease : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Epoch = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" };

    public GithubRelease(string? config = null, IEnumerable<string>? targets = null)
    {
        Release = new PackedRelease(config);
        Release.Dir.Write("LICENSE", "MIT License\n");
        Release.Pack(targets, Epoch);
        CrossdockRunner.RunOk(Epoch, "assemble", "--config", Release.ConfigPath, "--out", Release.Out);
    }

    public PackedRelease Release { get; }

    public string Folder => Path.Combine(Release.Out, "github");

    public string ShellInstaller => Path.Combine(Folder, "my-tool-installer.sh");

    public string PowerShellInstaller => Path.Combine(Folder, "my-tool-installer.ps1");

    public string Formula => Path.Combine(Folder, "my-tool.rb");

    public string File(string name) => Path.Combine(Folder, name);

    public void Dispose() => Release.Dispose();
}
