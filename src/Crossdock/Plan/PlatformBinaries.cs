using System.Collections.Immutable;
using Crossdock.Core.Targets;
using Crossdock.Inspection;

namespace Crossdock.Plan;

/// <summary>One command's binary as planning found it: where it is, its size, and what its headers say.</summary>
/// <param name="Command">The command it is packed as (its name in every package, whatever the build called the file).</param>
/// <param name="SourcePath">Absolute path of the file the build made.</param>
/// <param name="Size">Its size when planned; packing fails if it changes before it is read.</param>
public sealed record CommandBinary(string Command, string SourcePath, long Size, BinaryInspection Inspection);

/// <summary>One target's binaries: one per configured command, in the configured order.</summary>
public sealed record PlatformBinaries(Target Target, ImmutableArray<CommandBinary> Commands)
{
    /// <summary>Every binary's inspection: what a package holding them all must satisfy.</summary>
    public IEnumerable<BinaryInspection> Inspections => Commands.Select(c => c.Inspection);

    /// <summary>A command's executable file in every package: the command, with <c>.exe</c> on Windows.</summary>
    public string FileName(CommandBinary command) => Target.ExecutableFileName(command.Command);
}
