using Crossdock.Core;
using Crossdock.Core.Targets;
using Crossdock.Core.Text;
using Crossdock.Plan;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// Plans one target's wheel: its tags from what the binary needs, its file name, and the text of every small file
/// (the <c>python -m</c> module, METADATA, WHEEL). Nothing is written here.
/// </summary>
public static class WheelPlanner
{
    public static WheelArtifact Plan(ProjectRelease release, PlatformBinary binary, StaticLinuxTags staticTags)
    {
        var project = release.Project;
        var version = release.Version;
        var tags = WheelPlatformTags.ForTarget(binary.Target, binary.Inspection, staticTags);
        var tag = WheelTag.ForExecutable(tags.Tags);
        var dist = ProjectNames.WheelDistName(project.PypiName);
        var module = ProjectNames.PythonModuleName(project.PypiName);
        var distInfo = $"{dist}-{version.Pep440}.dist-info";

        var warnings = tags.Warnings.AsEnumerable();
        if (binary.Target.Os == OperatingSystemFamily.Linux) warnings = warnings.Concat(ManylinuxPolicy.LibraryWarnings(binary.Inspection));
        return new WheelArtifact(
            Path.Combine(release.Layout.Pypi, WheelNames.FileName(project.PypiName, version, tag)),
            dist,
            version.Pep440,
            tag,
            $"{dist}-{version.Pep440}.data/scripts/{binary.Target.ExecutableFileName(project.Bin)}",
            module,
            [
                new PlannedFile($"{module}/__init__.py", ""),
                new PlannedFile($"{module}/__main__.py", PythonMain(project.Bin, module)),
                new PlannedFile($"{distInfo}/METADATA", WheelMetadata.Metadata(project, version)),
                new PlannedFile($"{distInfo}/WHEEL", WheelMetadata.Wheel(tag, release.Generator)),
            ],
            [.. warnings]);
    }

    private static string PythonMain(string bin, string module) =>
        EmbeddedText.Read("python_main.py").Replace("{bin}", bin, StringComparison.Ordinal).Replace("{module}", module, StringComparison.Ordinal);
}
