using System.Text.RegularExpressions;
using Crossdock.Core;

namespace Crossdock.Fuzz.Targets;

/// <summary>
/// A reader broke its contract on some input: it let an exception other than <see cref="CrossdockException"/>
/// escape, or its message is not one line of words. Thrown so that afl-fuzz records the input as a crash.
/// </summary>
public sealed class FuzzFinding(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What every message a reader gives for hostile input must look like.</summary>
public static partial class FuzzOutcome
{
    /// <summary>
    /// Names of .NET exception types (and the words of their usual messages) that must never reach a user:
    /// they say where the reader broke, not what is wrong with the file.
    /// </summary>
    private static readonly string[] TypeNameWords =
    [
        "Exception", "ArgumentOutOfRange", "NullReference", "IndexOutOfRange", "InvalidOperation", "InvalidCast",
        "KeyNotFound", "EndOfStream", "NotSupported", "System.", "Parameter name", "Arg_", "Index was outside",
        "Object reference not set", "Specified argument was out of the range",
    ];

    /// <summary>Throws <see cref="FuzzFinding"/> unless <paramref name="message"/> is one non-empty line of words.</summary>
    public static void CheckMessage(string message, string what)
    {
        if (string.IsNullOrWhiteSpace(message)) throw new FuzzFinding($"{what}: empty message");
        if (message.AsSpan().IndexOfAny('\n', '\r') >= 0) throw new FuzzFinding($"{what}: message is not one line: {message}");
        foreach (var word in TypeNameWords)
        {
            if (message.Contains(word, StringComparison.Ordinal)) throw new FuzzFinding($"{what}: message names a .NET type ({word}): {message}");
        }
        if (!Letters().IsMatch(message)) throw new FuzzFinding($"{what}: message has no words: {message}");
    }

    /// <summary>Sees every refusal, for triage (<c>Crossdock.Fuzz TARGET --show FILE...</c>).</summary>
    public static Action<CrossdockException>? Observed { get; set; }

    /// <summary>Runs <paramref name="read"/>: a result or a clean <see cref="CrossdockException"/> passes, anything else is a finding.</summary>
    public static void Expect(string what, Action read)
    {
        try
        {
            read();
        }
        catch (CrossdockException e)
        {
            Observed?.Invoke(e);
            CheckMessage(e.Message, what);
        }
        catch (Exception e) when (e is not FuzzFinding and not OutOfMemoryException)
        {
            throw new FuzzFinding($"{what}: {e.GetType().Name} escaped: {e.Message}", e);
        }
    }

    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex Letters();
}
