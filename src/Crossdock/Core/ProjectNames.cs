using System.Text.RegularExpressions;

namespace Crossdock.Core;

/// <summary>Validation and normalization of package and command names for PyPI and npm.</summary>
public static partial class ProjectNames
{
    /// <summary>PEP 508 names: letters, digits, '-', '_', '.', starting and ending with a letter or digit.</summary>
    public static bool IsValidPypiName(string name) => PypiName().IsMatch(name);

    /// <summary>PEP 503 normal form: lower case, runs of '-', '_' and '.' become one '-'.</summary>
    public static string NormalizePypi(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    /// <summary>PEP 427 / binary-distribution-format: the name as it appears in wheel filenames and .dist-info folders.</summary>
    public static string WheelDistName(string name) => Separators().Replace(name, "_").ToLowerInvariant();

    /// <summary>The Python import name for <c>python -m</c> (PEP 8 identifier).</summary>
    public static string PythonModuleName(string name) => Separators().Replace(name, "_").ToLowerInvariant();

    /// <summary>
    /// npm's rules for a new package (validate-npm-package-name's validForNewPackages): lower case, url-safe, at
    /// most 214 characters, optional @scope/, none of ~'!()* in the name part, not a Node.js core module name and not
    /// node_modules or favicon.ico. A property test checks every name this accepts against the real package.
    /// </summary>
    public static string? NpmNameProblem(string name)
    {
        if (name.Length is 0 or > 214) return "must be 1 to 214 characters";
        if (name != name.ToLowerInvariant()) return "must be lower case";
        if (!NpmName().IsMatch(name)) return "may only contain lower-case letters, digits, '-', '.' and '_', with an optional @scope/ prefix, and must not start with '.', '_' or (unscoped) '-'";
        if (NpmReservedNames.Contains(name)) return $"is {(name is "node_modules" or "favicon.ico" ? "reserved" : "the name of a Node.js core module")}";
        return null;
    }

    /// <summary>
    /// Names npm refuses for a new package: its exclusion list and Node.js's core modules (validate-npm-package-name
    /// 8's builtin-modules.json, without the forms the name rules above already refuse).
    /// </summary>
    private static readonly HashSet<string> NpmReservedNames = new(StringComparer.Ordinal)
    {
        "node_modules", "favicon.ico",
        "assert", "async_hooks", "buffer", "child_process", "cluster", "console", "constants", "crypto", "dgram",
        "diagnostics_channel", "dns", "domain", "events", "fs", "http", "http2", "https", "inspector", "module", "net",
        "os", "path", "perf_hooks", "process", "punycode", "querystring", "readline", "repl", "stream",
        "string_decoder", "sys", "timers", "tls", "trace_events", "tty", "url", "util", "v8", "vm", "wasi",
        "worker_threads", "zlib",
    };

    /// <summary>A command name users type: no path separators or spaces, usable as a file name everywhere.</summary>
    public static bool IsValidCommandName(string name) => CommandName().IsMatch(name);

    /// <summary>
    /// A path inside an archive that every file system and unzip take the same way: '/'-separated segments of
    /// letters, digits, '.', '_', '-', '+', '@' and spaces, none of them empty, "." or "..".
    /// </summary>
    public static bool IsPortableArchivePath(string path) =>
        path.Length > 0 && path.Split('/').All(segment => segment is not ("" or "." or "..") && ArchiveSegment().IsMatch(segment));

    [GeneratedRegex(@"^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$")]
    private static partial Regex PypiName();

    [GeneratedRegex(@"[-_.]+")]
    private static partial Regex Separators();

    // The scope may hold '~' (npm checks special characters only after the last '/'); an unscoped name may not start with '-'.
    [GeneratedRegex(@"^(@[a-z0-9~-][a-z0-9._~-]*/[a-z0-9-]|[a-z0-9])[a-z0-9._-]*$")]
    private static partial Regex NpmName();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._+-]*$")]
    private static partial Regex CommandName();

    [GeneratedRegex(@"^[A-Za-z0-9._+@ -]+$")]
    private static partial Regex ArchiveSegment();
}
