namespace Crossdock.Core.Targets;

/// <summary>An operating system crossdock ships binaries for, with the names each ecosystem gives it.</summary>
/// <param name="DisplayName">How messages name it: "Linux", "macOS", "FreeBSD".</param>
public sealed record OperatingSystemFamily(string Name, string DisplayName, string NpmOs, string GoOs, string ZigOs)
{
    public static readonly OperatingSystemFamily Linux = new("linux", "Linux", "linux", "linux", "linux");
    public static readonly OperatingSystemFamily Macos = new("macos", "macOS", "darwin", "darwin", "macos");
    public static readonly OperatingSystemFamily Windows = new("windows", "Windows", "win32", "windows", "windows");
    public static readonly OperatingSystemFamily FreeBsd = new("freebsd", "FreeBSD", "freebsd", "freebsd", "freebsd");

    public static IReadOnlyList<OperatingSystemFamily> All { get; } = [Linux, Macos, Windows, FreeBsd];

    /// <summary>Suffix of an executable file on this OS (what users type is the bare name).</summary>
    public string ExecutableSuffix => this == Windows ? ".exe" : "";

    public override string ToString() => Name;
}
