using Crossdock.Core.Targets;

namespace Crossdock.Workflow;

/// <summary>
/// One job of the build matrix: the target, the runner it builds on, the command that builds the binary once,
/// and where that command leaves it for <c>crossdock pack</c>.
/// </summary>
public sealed record BuildMatrixEntry(Target Target, string Runner, string BuildCommand, string BinaryPath);
