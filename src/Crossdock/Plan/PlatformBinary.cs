using Crossdock.Core.Targets;
using Crossdock.Inspection;

namespace Crossdock.Plan;

/// <summary>One target's binary as planning found it: where it is, its size, and what its headers say.</summary>
/// <param name="SourcePath">Absolute path of the binary the build made.</param>
/// <param name="Size">Its size when planned; packing fails if it changes before it is read.</param>
public sealed record PlatformBinary(Target Target, string SourcePath, long Size, BinaryInspection Inspection);
