using Crossdock.Config;

namespace Crossdock.Plan;

/// <summary>The project as every package shows it: names, the command, descriptions and links.</summary>
/// <param name="PypiName">Distribution name as configured (METADATA Name).</param>
/// <param name="Npm">The main npm package name and the platform package naming template.</param>
/// <param name="Bin">The command users type.</param>
/// <param name="Readme">The long description, read once while planning.</param>
public sealed record ProjectMetadata(
    string PypiName,
    NpmConfig Npm,
    string Bin,
    string? Description,
    string? License,
    Readme? Readme,
    string? Homepage,
    string? Repository,
    string? RequiresPython)
{
    public string NpmName => Npm.Name;

    public static ProjectMetadata From(ProjectConfig config) =>
        new(config.Pypi.Name, config.Npm, config.Bin, config.Description, config.License,
            config.ReadmePath is { } readme ? Readme.Read(readme) : null, config.Homepage, config.Repository, config.Pypi.RequiresPython);
}
