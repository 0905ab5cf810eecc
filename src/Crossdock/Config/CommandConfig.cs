namespace Crossdock.Config;

/// <summary>
/// One command the release ships: the name users type and, when the build names its file differently (a crate
/// <c>mytool-cli</c> whose command is <c>mytool</c>), the file the build writes. Packages always carry the name.
/// </summary>
/// <param name="Name">The command, as every package installs it (without <c>.exe</c>).</param>
/// <param name="File">The file the build leaves (without <c>.exe</c>); equal to <paramref name="Name"/> unless configured.</param>
public sealed record CommandConfig(string Name, string File)
{
    public bool IsRenamed => Name != File;
}
