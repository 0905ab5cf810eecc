using Crossdock.Core;

namespace Crossdock.Channels.Pypi;

/// <summary>Wheel filenames (binary distribution format spec): <c>{dist}-{version}-{python}-{abi}-{platform}.whl</c>.</summary>
public static class WheelNames
{
    public static string FileName(string projectName, ReleaseVersion version, WheelTag tag) =>
        $"{ProjectNames.WheelDistName(projectName)}-{version.Pep440}-{tag.Compressed}.whl";

    /// <summary>Splits a wheel filename into its parts; null when it is not one.</summary>
    public static (string Dist, string Version, string Python, string Abi, string Platform)? Parse(string fileName)
    {
        if (!fileName.EndsWith(".whl", StringComparison.Ordinal)) return null;
        var parts = fileName[..^4].Split('-');
        return parts.Length switch
        {
            5 => (parts[0], parts[1], parts[2], parts[3], parts[4]),
            6 => (parts[0], parts[1], parts[3], parts[4], parts[5]),
            _ => null,
        };
    }
}
