namespace Crossdock.Core.Targets;

/// <summary>An operating system crossdock ships binaries for, with the names each ecosystem gives it.</summary>
public sealed record OperatingSystemFamily(string Name, string NpmOs, string GoOs, string ZigOs)
{
    public static readonly OperatingSystemFamily Linux = new("linux", "linux", "linux", "linux");
    public static readonly OperatingSystemFamily Macos = new("macos", "darwin", "darwin", "macos");
    public static readonly OperatingSystemFamily Windows = new("windows", "win32", "windows", "windows");

    public static IReadOnlyList<OperatingSystemFamily> All { get; } = [Linux, Macos, Windows];

    /// <summary>Suffix of an executable file on this OS (what users type is the bare name).</summary>
    public string ExecutableSuffix => this == Windows ? ".exe" : "";

    public override string ToString() => Name;
}
