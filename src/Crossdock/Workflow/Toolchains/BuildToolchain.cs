using System.Collections.Immutable;
using Crossdock.Core.Targets;

namespace Crossdock.Workflow.Toolchains;

/// <summary>What a toolchain needs from crossdock.toml and the repository to build.</summary>
/// <param name="Files">The files the build writes, one per command in configured order, without .exe: each command's <c>file</c>.</param>
/// <param name="Project">The language's project location ([build] project), null for the default.</param>
/// <param name="Cgo">Go only: the code imports "C", so it links libc and builds with cgo on each target's own machine.</param>
public sealed record BuildSettings(ImmutableArray<string> Files, string? Project, bool Cgo = false);

/// <summary>
/// How one language builds a target in the release workflow: on which runner, with which command, and where
/// the binary lands. The setup steps (toolchain install and cache) live in the embedded template
/// <see cref="SetupStepsResource"/>, so YAML stays in templates and only per-target data is computed here.
/// </summary>
public abstract class BuildToolchain
{
    /// <summary>The <c>[build] language</c> value.</summary>
    public abstract string Language { get; }

    /// <summary>The embedded template holding this language's setup steps for the build job.</summary>
    public string SetupStepsResource => $"release-setup-{Language}.yml";

    /// <summary>The runner label that builds <paramref name="target"/>; null when no hosted runner can (see <see cref="WhyNot"/>).</summary>
    public abstract string? Runner(Target target, BuildSettings build);

    /// <summary>
    /// The runner for a user's own <c>[build] command</c>, which crossdock cannot know to cross-compile: the language's
    /// choice, except where that relies on the language's own cross-compiling command.
    /// </summary>
    public virtual string? RunnerForUserCommand(Target target, BuildSettings build) => Runner(target, build);

    /// <summary>Why this language cannot build <paramref name="target"/>, when <see cref="Runner"/> is null for a reason of its own.</summary>
    public virtual string? WhyNot(Target target, BuildSettings build) => null;

    /// <summary>The shell command (bash) that builds the binary for <paramref name="target"/>.</summary>
    public abstract string Command(Target target, BuildSettings build);

    /// <summary>Where <see cref="Command"/> leaves the executable <paramref name="file"/> (without .exe), relative to the repository root.</summary>
    public abstract string Binary(Target target, string file);

    /// <summary>Every command's executable, in configured order: what the workflow checks and packs.</summary>
    public ImmutableArray<string> Binaries(Target target, BuildSettings build) => [.. build.Files.Select(f => Binary(target, f))];

    /// <summary>
    /// Whether the build tool names the executables from the project's files (Cargo.toml, build.zig, the .csproj),
    /// so the configured files must be what the project says; false where the workflow's command names them itself.
    /// </summary>
    public virtual bool ProjectNamesTheFiles(BuildSettings build) => true;

    /// <summary>The folder the non-cargo builds write to: one per target, beside crossdock pack's dist/pypi and dist/npm.</summary>
    protected static string OutputFolder(Target target) => $"dist/bin/{target.Triple}";

    public static BuildToolchain For(string language) => language switch
    {
        "rust" => new RustToolchain(),
        "go" => new GoToolchain(),
        "zig" => new ZigToolchain(),
        "dotnet" => new DotnetToolchain(),
        "custom" => new CustomToolchain(),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "not a [build] language"),
    };
}
