using System.Collections.Immutable;
using Crossdock.Config;

namespace Crossdock.Init;

/// <summary>
/// What one manifest (Cargo.toml, go.mod, package.json...) says about the project; every field may be
/// missing. <see cref="Or"/> combines manifests: the first one to know a field wins.
/// </summary>
/// <param name="Language">The [build] language the manifest implies, null for metadata-only manifests.</param>
/// <param name="Commands">The commands and the files the build writes for them (after detection, valid for crossdock.toml).</param>
/// <param name="BuildProject">The [build] project: Cargo package, Go main package or .csproj path.</param>
/// <param name="NpmName">The npm package name when it differs in form (a scoped name from package.json).</param>
/// <param name="Sources">The files the facts came from, for the written file's header.</param>
/// <param name="Metadata">Authors, keywords, links and the other keys the registries' pages show; null for none.</param>
/// <param name="NeedsLibc">Why a program of a language that usually needs no libc (Go, Zig) links one (cgo, linkLibC); null otherwise.</param>
public sealed record ProjectFacts(
    string? Language = null,
    string? Name = null,
    string? Version = null,
    string? Description = null,
    string? License = null,
    string? Repository = null,
    string? Homepage = null,
    ImmutableArray<CommandConfig> Commands = default,
    string? BuildProject = null,
    string? NpmName = null,
    string? Readme = null,
    ImmutableArray<string> Sources = default,
    string? NeedsLibc = null,
    RegistryMetadata? Metadata = null)
{
    /// <summary>The registry metadata, empty when the manifest gave none.</summary>
    public RegistryMetadata Registry => Metadata ?? RegistryMetadata.Empty;

    public static ProjectFacts None { get; } = new(Sources: []);

    /// <summary>Commands named like the files the build writes; default (unknown) when there are none.</summary>
    public static ImmutableArray<CommandConfig> Named(IEnumerable<string?> names)
    {
        var commands = names.OfType<string>().Distinct(StringComparer.Ordinal).Select(n => new CommandConfig(n, n)).ToImmutableArray();
        return commands.IsEmpty ? default : commands;
    }

    /// <summary>These facts, with the gaps filled from <paramref name="other"/>.</summary>
    public ProjectFacts Or(ProjectFacts other) => new(
        Language ?? other.Language,
        Name ?? other.Name,
        Version ?? other.Version,
        Description ?? other.Description,
        License ?? other.License,
        Repository ?? other.Repository,
        Homepage ?? other.Homepage,
        Commands.IsDefaultOrEmpty ? other.Commands : Commands,
        // The build project belongs to the language: never take another manifest's.
        Language is null ? other.BuildProject : BuildProject,
        NpmName ?? other.NpmName,
        Readme ?? other.Readme,
        [.. Sources.IsDefault ? [] : Sources, .. other.Sources.IsDefault ? [] : other.Sources],
        Language is null ? other.NeedsLibc : NeedsLibc,
        Registry.Or(other.Registry));
}
