using Crossdock.Config;
using Crossdock.Core;

namespace Crossdock.Workflow;

/// <summary>
/// Where every job of the release workflow gets crossdock, pinned to the version that generated the workflow
/// (<c>[build] crossdock</c>). npm is the default: Node is on every hosted runner and crossdock's npm package is
/// its NativeAOT build, so no job needs a .NET set-up for it. Only where the SDK is there anyway, in a .NET
/// project's build jobs, the default is the .NET tool, which then installs faster still (both measured in the
/// README's Install section). <c>source</c> is for crossdock's own repository: a release cannot install the
/// version it is about to publish, so its jobs build crossdock from the commit instead.
/// </summary>
/// <param name="Source">npm, pypi, dotnet or source (<see cref="ConfigLoader.CrossdockSources"/>).</param>
/// <param name="Project">For <c>source</c>: the crossdock project to build ([build] project).</param>
/// <param name="BuildJobSource">Where the build jobs install from: <paramref name="Source"/>, but for the default case above.</param>
public sealed record CrossdockInstall(string Source, string? Project, string BuildJobSource)
{
    public const string DefaultSource = "npm";

    public static CrossdockInstall Default { get; } = new(DefaultSource, null, DefaultSource);

    public static CrossdockInstall For(BuildConfig build, string language, string? project)
    {
        var source = build.CrossdockSource ?? DefaultSource;
        var buildJobs = build.CrossdockSource is null && language == "dotnet" ? "dotnet" : source;
        return new(source, source == "source" ? project : null, buildJobs);
    }

    /// <summary>The embedded template holding the install steps of every job but the builds.</summary>
    public string StepsResource => Resource(Source);

    /// <summary>The embedded template holding the build jobs' install steps.</summary>
    public string BuildJobStepsResource => Resource(BuildJobSource);

    private static string Resource(string source) => $"release-install-crossdock-{source}.yml";

    /// <summary>Whether the steps need the .NET SDK (set up by the dotnet language's own build steps in the build job).</summary>
    public bool NeedsDotnet => Source is "dotnet" or "source";

    /// <summary>The template values of the install steps; the version as each registry spells it.</summary>
    public IEnumerable<KeyValuePair<string, string>> TemplateValues(string crossdockVersion)
    {
        yield return KeyValuePair.Create("crossdock-version-pep440", ReleaseVersion.Parse(crossdockVersion).Pep440);
        yield return KeyValuePair.Create("crossdock-project", YamlScalar.Format(Project ?? "."));
    }
}
