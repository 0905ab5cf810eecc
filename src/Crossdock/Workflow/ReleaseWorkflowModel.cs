using System.Collections.Immutable;

namespace Crossdock.Workflow;

/// <summary>
/// Everything the release workflow template needs, resolved: the project's registry names (for the
/// environments' links), the build language (which picks the setup steps), the crossdock version the jobs
/// install, and one <see cref="BuildMatrixEntry"/> per configured target, in configuration order.
/// </summary>
/// <param name="Name">[package] name: what the GitHub Release's installers are called.</param>
/// <param name="GithubArchives">Whether the release has GitHub archives (and so a GitHub Release job).</param>
public sealed record ReleaseWorkflowModel(
    string CrossdockVersion,
    string Language,
    string PypiName,
    string NpmName,
    ImmutableArray<BuildMatrixEntry> Matrix,
    string Name,
    bool GithubArchives)
{
    /// <summary>Set when the language was detected from the repository, not configured: said once on stderr.</summary>
    public string? LanguageNote { get; init; }

    /// <summary>Where the jobs get crossdock from.</summary>
    public CrossdockInstall Install { get; init; } = CrossdockInstall.Default;

    /// <summary>Set when the project names an executable in a way crossdock cannot read, so the files packed are unchecked: said once on stderr.</summary>
    public string? OutputsNote { get; init; }

    /// <summary>The .NET tool's id when the release has NuGet packages (and so a publish-to-nuget job); null when not.</summary>
    public string? NugetId { get; init; }

    /// <summary>
    /// <c>[nuget] framework-dependent = true</c>: the .NET project the assembling job publishes framework-dependent
    /// for the <c>{id}.any</c> package; null when not (or when the release has no NuGet packages).
    /// </summary>
    public string? NugetFrameworkDependentProject { get; init; }
}
