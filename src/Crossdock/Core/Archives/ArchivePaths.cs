namespace Crossdock.Core.Archives;

/// <summary>
/// The path rules every archive entry crossdock reads must follow, for tarballs and wheels alike: a relative path
/// with '/' separators and no <c>..</c> segment, so that extracted it stays inside the folder it is extracted to
/// (the "zip slip" of npm's and pip's own extraction bugs). Checked on the name alone, before any data is read.
/// </summary>
public static class ArchivePaths
{
    /// <summary>Why <paramref name="name"/> could land outside its extraction folder; null when it cannot.</summary>
    public static string? EscapeProblem(string name)
    {
        if (name.StartsWith('/') || (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':'))
        {
            return "is an absolute path: extracted, it would be written anywhere on the disk";
        }
        if (name.Contains('\\')) return "holds a backslash, which Windows reads as a folder separator";
        if (name.Split('/').Contains("..")) return "has a '..' segment: extracted, it would land outside the package folder";
        if (name.Contains('\0')) return "holds a NUL character";
        return null;
    }
}
