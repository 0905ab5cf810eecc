using System.Collections.Immutable;

namespace Crossdock.Init;

/// <summary>
/// The executables a project's build writes, as the build tool names them from the project's own files: cargo
/// from Cargo.toml's <c>[[bin]]</c> targets and package name, Zig from build.zig's <c>addExecutable</c>, .NET from
/// the .csproj's <c>AssemblyName</c>, Go from its main packages' folders. <c>crossdock init</c> writes them as
/// the commands; <c>generate github</c> checks every configured command's file is one of them.
/// </summary>
/// <param name="Manifest">The file that names them, relative to the repository with '/', for messages.</param>
/// <param name="Files">The executables' names without <c>.exe</c>, in the manifest's order.</param>
/// <param name="Unreadable">Set when the manifest names an executable in a way crossdock cannot read (a name build.zig
/// computes, an MSBuild expression): what it is, for a note; <paramref name="Files"/> is then incomplete.</param>
public sealed record BuildOutputs(string Manifest, ImmutableArray<string> Files, string? Unreadable = null)
{
    /// <summary>What <paramref name="language"/>'s build of <paramref name="project"/> writes; null when the repository has no manifest to tell.</summary>
    public static BuildOutputs? Read(string language, string repository, string? project)
    {
        if (!Directory.Exists(repository)) return null;
        return language switch
        {
            "rust" => CargoManifest.Outputs(repository, project),
            "go" => GoModule.Outputs(repository),
            "zig" => ZigBuildScript.Outputs(repository),
            "dotnet" => DotnetProject.Outputs(repository, project),
            _ => null,
        };
    }
}
