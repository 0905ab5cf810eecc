namespace Crossdock.Core;

/// <summary>
/// A failure the user can act on. The CLI prints <see cref="Exception.Message"/> as one line on stderr
/// (never a stack trace) and exits with <see cref="ExitCode"/>: 1 for a failure, 2 for a usage error.
/// </summary>
public class CrossdockException(string message, int exitCode = ExitCodes.Failure, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>What is wrong, without the file name in front (for messages that name the file their own way).</summary>
    public string Reason { get; private init; } = message;

    /// <summary>A failure tied to one file: the message names it first, like a compiler diagnostic.</summary>
    public static CrossdockException ForFile(string path, string reason, Exception? inner = null) =>
        new($"{path}: {OneLine(reason)}", ExitCodes.Failure, inner) { Reason = OneLine(reason) };

    /// <summary>A failure at one line of a file: <c>crossdock.toml:7: reason</c>.</summary>
    public static CrossdockException AtLine(string path, int line, string reason) =>
        new($"{path}:{line}: {OneLine(reason)}") { Reason = OneLine(reason) };

    /// <summary>
    /// Reasons quote what the file holds (a name, a key, a script's first line), which can be any characters:
    /// control characters become '?' so the error stays the one line the CLI promises (found by fuzzing).
    /// </summary>
    public static string OneLine(string text) =>
        text.Any(char.IsControl) ? new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]) : text;

    /// <summary>The command line itself is wrong (exit code 2).</summary>
    public static CrossdockException Usage(string message) => new(message, ExitCodes.Usage);
}
