namespace Crossdock.Core.Targets;

/// <summary>The C library a Linux binary is built for, with npm's spelling of it.</summary>
public sealed record Libc(string Name, string NpmLibc)
{
    public static readonly Libc Gnu = new("gnu", "glibc");
    public static readonly Libc Musl = new("musl", "musl");

    public override string ToString() => Name;
}
