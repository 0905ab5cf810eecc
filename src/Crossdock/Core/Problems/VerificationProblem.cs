namespace Crossdock.Core.Problems;

/// <summary>One thing wrong with one artifact: which file, which check, and what was found.</summary>
public sealed record VerificationProblem(string File, string Check, string Message)
{
    public override string ToString() => $"{File}: {Check}: {Message}";
}

/// <summary>Collects problems for one file while its checks run.</summary>
public sealed class ProblemList(string file)
{
    private readonly List<VerificationProblem> _problems = [];

    public string File { get; } = file;

    public IReadOnlyList<VerificationProblem> Problems => _problems;

    /// <summary>
    /// Records a problem. Messages quote what the artifact holds (entry names, METADATA fields), which can be any
    /// bytes: control characters are shown as '?' so each problem stays one line (found by fuzzing).
    /// </summary>
    public void Add(string check, string message) =>
        _problems.Add(new VerificationProblem(File, check, CrossdockException.OneLine(message)));
}
