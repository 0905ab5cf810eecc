using Crossdock.Config;
using Crossdock.Core;

namespace Crossdock.Plan;

/// <summary>
/// What every channel's plan starts from: this project, at this version, written into this layout by this
/// crossdock. Each channel plans its own artifacts from it; nothing here is specific to one registry.
/// </summary>
/// <param name="Generator">How generated files name their writer ("crossdock 0.1.0").</param>
public sealed record ProjectRelease(ProjectMetadata Project, ReleaseVersion Version, ReleaseLayout Layout, string Generator)
{
    /// <summary>The release of <paramref name="config"/> at <paramref name="version"/> into <paramref name="outputDirectory"/>.</summary>
    public static ProjectRelease From(ProjectConfig config, ReleaseVersion version, string outputDirectory) =>
        new(ProjectMetadata.From(config), version, ReleaseLayout.At(outputDirectory), CrossdockVersion.Generator);
}
