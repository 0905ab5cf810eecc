using Crossdock.Plan;

namespace Crossdock.Channels.Npm;

/// <summary>The small files of an npm platform package: package.json and README.md.</summary>
public static class PlatformPackageContent
{
    /// <summary>
    /// package.json with the os/cpu/libc fields npm uses to skip packages for other platforms, and
    /// <c>preferUnplugged</c> so Yarn PnP unpacks the binary where it can be executed. No <c>bin</c>: only the
    /// main package declares the command, so two installed platform packages never fight over it.
    /// </summary>
    public static string PackageJson(ProjectMetadata project, NpmPlatformPackageArtifact package, string targetTriple)
    {
        return PackageJsonWriter.Write(json =>
        {
            json.WriteString("name", package.Name);
            json.WriteString("version", package.Version);
            json.WriteString("description", $"The {targetTriple} binary for {project.NpmName}; install {project.NpmName} instead, it picks the right one.");
            PackageJsonWriter.WriteCommonFields(json, project);
            PackageJsonWriter.WriteArray(json, "os", package.Platform.Os);
            PackageJsonWriter.WriteArray(json, "cpu", package.Platform.Cpu);
            if (package.Platform.Libc is { } libc) PackageJsonWriter.WriteArray(json, "libc", libc);
            PackageJsonWriter.WriteArray(json, "files", [.. package.BinaryEntries, .. project.Metadata.LicenseFiles.Select(f => f.RelativePath)]);
            json.WriteBoolean("preferUnplugged", true);
        });
    }

    public static string Readme(ProjectMetadata project, NpmPlatformPackageArtifact package, string targetTriple)
    {
        var libc = package.Platform.Libc is { } l ? $", {l}" : "";
        var text = $"""
            # {package.Name}

            The {Commands(project)} of [{project.NpmName}](https://www.npmjs.com/package/{project.NpmName}) for
            {package.Platform.Os} {package.Platform.Cpu}{libc} (`{targetTriple}`).

            Do not install this package directly: install `{project.NpmName}`, which lists every platform package
            as an optional dependency, so npm installs only the one that matches your machine.

            """;
        return text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>"The `mytool` executable" or "The `mytool` and `mt` executables".</summary>
    internal static string Commands(ProjectMetadata project) =>
        project.Commands.Length == 1
            ? $"`{project.Bin}` executable"
            : string.Join(", ", project.Commands[..^1].Select(c => $"`{c}`")) + $" and `{project.Commands[^1]}` executables";
}
