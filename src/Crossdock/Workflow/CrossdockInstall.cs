using Crossdock.Config;
using Crossdock.Core;

namespace Crossdock.Workflow;

/// <summary>
/// Where every job of the release workflow gets crossdock, pinned to the version that generated the workflow
/// (<c>[build] crossdock</c>). npm is the default for every language: Node is on every hosted runner and
/// crossdock's npm package is its NativeAOT build, so no job needs a .NET set-up, and it installs fastest
/// (measured in the README's Install section). <c>source</c> is for crossdock's own repository: a release
/// cannot install the version it is about to publish, so its jobs build crossdock from the commit instead.
/// </summary>
/// <param name="Source">npm, pypi, dotnet or source (<see cref="ConfigLoader.CrossdockSources"/>).</param>
/// <param name="Project">For <c>source</c>: the crossdock project to build ([build] project).</param>
public sealed record CrossdockInstall(string Source, string? Project)
{
    public const string DefaultSource = "npm";

    public static CrossdockInstall For(BuildConfig build, string? project) =>
        new(build.CrossdockSource ?? DefaultSource, build.CrossdockSource == "source" ? project : null);

    /// <summary>The embedded template holding the install steps.</summary>
    public string StepsResource => $"release-install-crossdock-{Source}.yml";

    /// <summary>Whether the steps need the .NET SDK (set up by the dotnet language's own build steps in the build job).</summary>
    public bool NeedsDotnet => Source is "dotnet" or "source";

    /// <summary>The template values of the install steps; the version as each registry spells it.</summary>
    public IEnumerable<KeyValuePair<string, string>> TemplateValues(string crossdockVersion)
    {
        yield return KeyValuePair.Create("crossdock-version-pep440", ReleaseVersion.Parse(crossdockVersion).Pep440);
        yield return KeyValuePair.Create("crossdock-project", YamlScalar.Format(Project ?? "."));
    }
}
