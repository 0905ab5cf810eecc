using Crossdock.Fuzz.Targets;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Fuzz;

/// <summary>
/// Replays every input the fuzzer found (tests/fuzz-regressions/TARGET/*.b64, base64 so no binary is committed)
/// through the same target it was found with: each must give a result or a one-line CrossdockException in words
/// (FuzzOutcome), within a time limit and an allocation budget, so a header claiming a 4 GB table cannot make a
/// reader allocate it.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private const long AllocationBudget = 64L << 20;

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("tests", "fuzz-regressions"), "*.b64", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(Path.GetDirectoryName(file)!), Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Input_gives_a_result_or_a_clear_error(string target, string file)
    {
        var fuzzTarget = FuzzTargets.Find(target);
        Assert.True(fuzzTarget is not null, $"tests/fuzz-regressions/{target} is not a fuzz target (one of {string.Join(", ", FuzzTargets.All.Select(t => t.Name))})");
        var input = Convert.FromBase64String(File.ReadAllText(Repository.PathOf("tests", "fuzz-regressions", target, file)));

        long allocated = 0;
        Exception? failure = null;
        var run = new Thread(() =>
        {
            using var scratch = new FuzzScratch();
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                fuzzTarget!.Run(input, scratch);
            }
            catch (Exception e)
            {
                failure = e;
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }) { IsBackground = true };
        run.Start();
        Assert.True(run.Join(Limit), $"{target}/{file} did not finish in {Limit.TotalSeconds} s");
        if (failure is not null) Assert.Fail($"{target}/{file}: {failure.Message}");
        Assert.True(allocated < AllocationBudget, $"{target}/{file} allocated {allocated >> 20} MiB reading a {input.Length}-byte input");
    }

    [Fact]
    public void Every_target_has_regression_inputs()
    {
        var folders = Directory.EnumerateDirectories(Repository.PathOf("tests", "fuzz-regressions"))
            .Where(d => Directory.EnumerateFiles(d, "*.b64").Any()).Select(Path.GetFileName).ToHashSet();
        Assert.All(FuzzTargets.All, t => Assert.Contains(t.Name, folders));
    }

    [Theory]
    [InlineData("malformed or truncated ELF file (ArgumentOutOfRangeException)")]
    [InlineData("line one\nline two")]
    [InlineData("Object reference not set to an instance of an object.")]
    [InlineData("")]
    public void The_message_check_refuses_what_users_must_never_see(string message)
    {
        Assert.Throws<FuzzFinding>(() => FuzzOutcome.CheckMessage(message, "test"));
    }

    [Fact]
    public void The_message_check_accepts_a_message_in_words()
    {
        FuzzOutcome.CheckMessage("x.elf: malformed ELF file: truncated: section 4 (offset 680, 32816 bytes) ends beyond the file's 2976 bytes", "test");
    }
}
