using System.Collections.Immutable;
using Crossdock.Plan;

namespace Crossdock.Channels.Pypi;

/// <summary>A wheel to write, <c>{dist}-{version}-py3-none-{platform}.whl</c>, with every entry decided.</summary>
/// <param name="Path">Where the wheel goes (absolute).</param>
/// <param name="ScriptEntry">Archive path of the executable under .data/scripts/.</param>
/// <param name="ModuleName">Python package holding <c>__main__.py</c>, so <c>python -m</c> runs the command.</param>
/// <param name="Files">The small files after the executable, in archive order (the module, METADATA, WHEEL); RECORD follows them.</param>
/// <param name="Warnings">What the tags cannot promise users (a library outside the manylinux policy, a rounded macOS minimum).</param>
public sealed record WheelArtifact(
    string Path,
    string DistName,
    string Version,
    WheelTag Tag,
    string ScriptEntry,
    string ModuleName,
    ImmutableArray<PlannedFile> Files,
    ImmutableArray<string> Warnings)
{
    public string FileName => System.IO.Path.GetFileName(Path);
    public string DataDirectory => $"{DistName}-{Version}.data";
    public string DistInfoDirectory => $"{DistName}-{Version}.dist-info";
    public string RecordEntry => $"{DistInfoDirectory}/RECORD";
}
