using System.Collections.Immutable;
using Crossdock.Core.Targets;

namespace Crossdock.Config;

/// <summary>
/// The targets a project gets when <c>[package] targets</c> is left out, which follow how its language builds. Go
/// (cgo off, as the workflow builds it) and Zig make programs that need no libc: one libc-free Linux build per
/// architecture serves glibc and musl users alike, so building the same binary for -gnu and -musl would ship it twice.
/// Everything else links a libc and gets a glibc and a musl build (the seed's seven targets).
/// </summary>
public static class DefaultTargets
{
    /// <summary>The languages whose default Linux targets are the libc-free ones.</summary>
    public static readonly ImmutableArray<string> LibcFreeLanguages = ["go", "zig"];

    public static ImmutableArray<Target> For(string? language) =>
        language is not null && LibcFreeLanguages.Contains(language) ? TargetTable.LibcFreeDefaults : TargetTable.Defaults;
}
