using System.Collections.Immutable;
using Crossdock.Core.Targets;

namespace Crossdock.Workflow;

/// <summary>
/// One job of the build matrix: the target, the runner it builds on, the command that builds the binary once,
/// and where that command leaves each command's executable for <c>crossdock pack</c>.
/// </summary>
/// <param name="BinaryPaths">One per command, in configured order; the workflow checks each exists before packing.</param>
public sealed record BuildMatrixEntry(Target Target, string Runner, string BuildCommand, ImmutableArray<string> BinaryPaths);
