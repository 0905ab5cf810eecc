using Crossdock.Fuzz.Targets;
using SharpFuzz;

// crossdock's fuzzing entry point (scripts/fuzz.sh runs it under afl-fuzz):
//   Crossdock.Fuzz TARGET            one input per afl-fuzz run, read from stdin (SharpFuzz's fork server)
//   Crossdock.Fuzz TARGET FILE...    replays files and prints what each gave (triage, minimization)
//   Crossdock.Fuzz TARGET --show FILE...   the same, with every refusal's message and what caused it
//   Crossdock.Fuzz TARGET --pick N FILE... the N smallest files that each give a different outcome (for the corpus)
//   Crossdock.Fuzz --list            the targets
if (args.Length == 0 || args[0] == "--list")
{
    foreach (var t in FuzzTargets.All) Console.WriteLine($"{t.Name,-12} {t.Reads}");
    return args.Length == 0 ? 2 : 0;
}

var target = FuzzTargets.Find(args[0]);
if (target is null)
{
    Console.Error.WriteLine($"unknown fuzz target '{args[0]}'; one of: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
    return 2;
}

using var scratch = new FuzzScratch();
if (args.Length > 1)
{
    var files = args[1..];
    if (files[0] == "--pick" && files.Length > 2)
    {
        // One file per distinct outcome, numbers masked so "offset 12" and "offset 40" count as one.
        var outcomes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files[2..].OrderBy(f => new FileInfo(f).Length).ThenBy(f => f, StringComparer.Ordinal))
        {
            scratch.Reset();
            var outcome = "ok";
            FuzzOutcome.Observed = e => outcome = System.Text.RegularExpressions.Regex.Replace(e.Reason, "[0-9]+", "N");
            try
            {
                target.Run(File.ReadAllBytes(file), scratch);
            }
            catch (FuzzFinding e)
            {
                outcome = e.Message;
            }
            outcomes.TryAdd(outcome, file);
        }
        foreach (var file in outcomes.Values.Take(int.Parse(files[1], System.Globalization.CultureInfo.InvariantCulture))) Console.WriteLine(file);
        return 0;
    }
    if (files[0] == "--show")
    {
        files = files[1..];
        FuzzOutcome.Observed = e => Console.WriteLine($"         {e.Reason}{(e.InnerException is { } cause ? $" <- {cause.GetType().Name}: {cause.Message}\n{cause.StackTrace}" : "")}");
    }
    var failed = 0;
    foreach (var file in files)
    {
        scratch.Reset();
        try
        {
            target.Run(File.ReadAllBytes(file), scratch);
            Console.WriteLine($"ok       {file}");
        }
        catch (FuzzFinding e)
        {
            failed++;
            Console.WriteLine($"FINDING  {file}: {e.Message}");
            if (e.InnerException is { } inner) Console.WriteLine(inner.ToString());
        }
    }
    return failed == 0 ? 0 : 1;
}

// afl-fuzz caps inputs at 1 MiB; the copy keeps each run's bytes independent of the stdin stream.
Fuzzer.Run(stream =>
{
    scratch.Reset();
    using var input = new MemoryStream();
    stream.CopyTo(input);
    target.Run(input.ToArray(), scratch);
});
return 0;
