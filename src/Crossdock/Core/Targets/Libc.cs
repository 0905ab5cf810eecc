namespace Crossdock.Core.Targets;

/// <summary>
/// The C library a Linux binary is built for, with npm's spelling of it. <see cref="None"/> is Rust's
/// <c>-linux-none</c>: a program that needs no libc at all (Go with cgo off, Zig without libc) runs on
/// glibc and musl systems alike, so its npm package declares no <c>libc</c>.
/// </summary>
/// <param name="NpmLibc">npm's <c>libc</c> value; null for <see cref="None"/>, whose packages install on every libc.</param>
public sealed record Libc(string Name, string? NpmLibc)
{
    public static readonly Libc Gnu = new("gnu", "glibc");
    public static readonly Libc Musl = new("musl", "musl");
    public static readonly Libc None = new("none", null);

    /// <summary>The C libraries a program built for this one runs on, itself first: none runs on both.</summary>
    public IEnumerable<Libc> RunsOn => this == None ? [None, Gnu, Musl] : [this];

    public override string ToString() => Name;
}
