using Crossdock.Core;
using Crossdock.Core.Targets;
using Crossdock.Core.Text;
using Crossdock.Plan;

namespace Crossdock.Channels.Pypi;

/// <summary>
/// Plans one target's wheel: its tags from what every binary needs, its file name, and every entry: the
/// executables, the Python package (the project's own from <c>[pypi] python-source</c>, with crossdock's
/// <c>find_bin()</c> module, <c>__main__.py</c> and <c>__init__.py</c> added where it has none), METADATA, the licence
/// files and WHEEL. Nothing is written here.
/// </summary>
public static class WheelPlanner
{
    public static WheelArtifact Plan(ProjectRelease release, PlatformBinaries binaries, StaticLinuxTags staticTags)
    {
        var project = release.Project;
        var version = release.Version;
        var tags = WheelPlatformTags.ForBinaries(binaries.Target, [.. binaries.Inspections], staticTags);
        var tag = WheelTag.ForExecutable(tags.Tags);
        var dist = ProjectNames.WheelDistName(project.PypiName);
        var module = ProjectNames.PythonModuleName(project.PypiName);
        var data = $"{dist}-{version.Pep440}.data";
        var distInfo = $"{dist}-{version.Pep440}.dist-info";

        var files = new List<PlannedFile>();
        files.AddRange(PythonPackage(project, module, distInfo));
        files.Add(new PlannedText($"{distInfo}/METADATA", WheelMetadata.Metadata(project, version)));
        foreach (var license in project.Metadata.LicenseFiles)
        {
            var entry = WheelMetadata.LicenseEntry(distInfo, license);
            if (!ProjectNames.IsPortableArchivePath(entry)) throw CrossdockException.ForFile(license.FullPath, "has a name a wheel cannot hold portably");
            files.Add(new PlannedCopy(entry, license.FullPath));
        }
        files.Add(new PlannedText($"{distInfo}/WHEEL", WheelMetadata.Wheel(tag, release.Generator)));

        var warnings = tags.Warnings.AsEnumerable();
        if (binaries.Target.Os == OperatingSystemFamily.Linux)
        {
            warnings = warnings.Concat(binaries.Inspections.SelectMany(ManylinuxPolicy.LibraryWarnings));
        }
        return new WheelArtifact(
            Path.Combine(release.Layout.Pypi, WheelNames.FileName(project.PypiName, version, tag)),
            dist,
            version.Pep440,
            tag,
            [.. binaries.Commands.Select(c => WheelArtifact.ScriptEntry(data, binaries.FileName(c)))],
            module,
            [.. files],
            [.. warnings.Distinct()]);
    }

    /// <summary>
    /// The Python code the wheel holds: the project's packages and modules from python-source as they are, and in the
    /// package named like the distribution crossdock's <c>_find_bin.py</c>, plus the <c>__init__.py</c> and
    /// <c>__main__.py</c> it does not have itself (maturin's rule for a project's own <c>__main__.py</c>).
    /// </summary>
    private static IEnumerable<PlannedFile> PythonPackage(ProjectMetadata project, string module, string distInfo)
    {
        var pythonSource = project.PythonSource;
        var own = pythonSource is null ? [] : PythonSource.Files(pythonSource);
        if (own.Any(f => f.Entry == $"{module}.py")) throw CrossdockException.ForFile(Path.Combine(pythonSource!, $"{module}.py"), $"is a module named like the package {module}, which the wheel needs for python -m {module}; make it {module}/__init__.py");
        if (own.FirstOrDefault(f => f.Entry == $"{module}/_find_bin.py") is { } clash) throw CrossdockException.ForFile(clash.SourcePath, "has the name of the module crossdock adds for find_bin(); rename it");

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["bin"] = project.Bin,
            ["module"] = module,
            ["dist"] = project.PypiName,
            ["dist_info"] = distInfo,
            ["first"] = project.Bin,
            ["commands"] = "(" + string.Join(", ", project.Commands.Select(c => $"\"{c}\"")) + ",)",
            ["commands_text"] = string.Join(", ", project.Commands),
        };
        var generated = new List<PlannedFile>();
        if (!own.Any(f => f.Entry == $"{module}/__init__.py")) generated.Add(new PlannedText($"{module}/__init__.py", Template("python_init.py", values)));
        if (!own.Any(f => f.Entry == $"{module}/__main__.py")) generated.Add(new PlannedText($"{module}/__main__.py", Template("python_main.py", values)));
        generated.Add(new PlannedText($"{module}/_find_bin.py", Template("python_find_bin.py", values)));
        return own.Cast<PlannedFile>().Concat(generated).OrderBy(f => f.Entry, StringComparer.Ordinal);
    }

    private static string Template(string name, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(EmbeddedText.Read(name), (text, value) => text.Replace("{" + value.Key + "}", value.Value, StringComparison.Ordinal));
}
