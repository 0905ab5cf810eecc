namespace Crossdock.Tests.Support;

/// <summary>
/// Runs the built crossdock under a pseudo-terminal, as a person at a terminal runs it: util-linux's
/// <c>script -qc CMD /dev/null</c> gives the command a pty for stdout and copies what it drew to ours.
/// </summary>
public static class PseudoTerminal
{
    /// <param name="environment">Over a terminal's own: TERM=xterm-256color and no CI (null removes a variable).</param>
    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var script = Tools.Require("script");
        var merged = new Dictionary<string, string?> { ["TERM"] = "xterm-256color", ["CI"] = null, ["GITHUB_ACTIONS"] = null };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) merged[key] = value;
        // script's pty has no size without a terminal of its own: give it a common one (Spectre's fallback is 80).
        var command = "stty cols 120 rows 40; " + string.Join(' ', new[] { CrossdockRunner.Executable }.Concat(args).Select(Quote));
        var result = ProcessRunner.Run(script, ["-qec", command, "/dev/null"], workingDirectory, merged);
        // .NET itself switches a terminal's keypad mode on and back off (terminfo's keypad_xmit and keypad_local for
        // xterm) when stdout is one: the runtime's, not crossdock's output, so not what the tests look for.
        var stdout = result.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("\u001b[?1h\u001b=", "", StringComparison.Ordinal).Replace("\u001b[?1l\u001b>", "", StringComparison.Ordinal);
        return result with { Stdout = stdout };
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
