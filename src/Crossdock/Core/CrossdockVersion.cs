using System.Reflection;

namespace Crossdock.Core;

/// <summary>
/// crossdock's own version, stamped into what it writes: the WHEEL file's Generator, the release workflow's pin,
/// the user agent of uploads. Read once from the assembly's informational version (without a source revision).
/// </summary>
public static class CrossdockVersion
{
    public static string Current { get; } =
        typeof(CrossdockVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>"crossdock 0.1.0": how a generated file names the program that wrote it.</summary>
    public static string Generator => $"crossdock {Current}";
}
