using System.Collections.Immutable;
using Crossdock.Plan;

namespace Crossdock.Channels.Pypi;

/// <summary>A wheel to write, <c>{dist}-{version}-py3-none-{platform}.whl</c>, with every entry decided.</summary>
/// <param name="Path">Where the wheel goes (absolute).</param>
/// <param name="ScriptEntries">Archive path of each command's executable under .data/scripts/, in command order.</param>
/// <param name="ModuleName">Python package holding <c>__main__.py</c> and <c>find_bin()</c>, so <c>python -m</c> runs the first command.</param>
/// <param name="Files">The files after the executables, in archive order (the Python code, METADATA, licences, WHEEL); RECORD follows them.</param>
/// <param name="Warnings">What the tags cannot promise users (a library outside the manylinux policy, a rounded macOS minimum).</param>
public sealed record WheelArtifact(
    string Path,
    string DistName,
    string Version,
    WheelTag Tag,
    ImmutableArray<string> ScriptEntries,
    string ModuleName,
    ImmutableArray<PlannedFile> Files,
    ImmutableArray<string> Warnings)
{
    public string FileName => System.IO.Path.GetFileName(Path);
    public string DataDirectory => $"{DistName}-{Version}.data";
    public string DistInfoDirectory => $"{DistName}-{Version}.dist-info";
    public string RecordEntry => $"{DistInfoDirectory}/RECORD";

    /// <summary>Where a wheel keeps an executable: <c>.data/scripts/</c>, which pip installs onto PATH (mode kept).</summary>
    public static string ScriptEntry(string dataDirectory, string fileName) => $"{dataDirectory}/scripts/{fileName}";
}
