using System.Collections.Immutable;
using Crossdock.Core;
using Crossdock.Plan;

namespace Crossdock.Channels.GitHub;

/// <summary>What the installers and the Homebrew formula are written from: the project, the release's location and its archives.</summary>
public sealed record InstallerModel(ProjectMetadata Project, ReleaseVersion Version, GithubReleaseLocation Location, string Generator, ImmutableArray<ArchiveRef> Archives)
{
    /// <summary>The installers' environment variables' prefix (<see cref="GithubNames.EnvironmentPrefix"/>).</summary>
    public string Prefix => GithubNames.EnvironmentPrefix(Project.Bin);

    /// <summary>"mytool" or "mytool and mt": what the comments say is installed.</summary>
    public string What => Project.Commands.Length == 1
        ? Project.Bin
        : string.Join(", ", Project.Commands[..^1]) + " and " + Project.Commands[^1];

    /// <summary>The placeholders every installer template shares.</summary>
    public Dictionary<string, string> CommonValues() => new(StringComparer.Ordinal)
    {
        ["what"] = What,
        ["name"] = Project.Name,
        ["version"] = Version.Semver,
        ["tag"] = Location.Tag,
        ["repository"] = Location.Repository,
        ["download-url"] = Location.DownloadUrl,
        ["generator"] = Generator,
        ["prefix"] = Prefix,
        ["bin"] = Project.Bin,
    };
}
