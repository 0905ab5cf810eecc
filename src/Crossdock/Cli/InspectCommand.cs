using System.CommandLine;
using Crossdock.Core;
using Crossdock.Inspection;
using Crossdock.Release;

namespace Crossdock.Cli;

/// <summary><c>crossdock inspect [--json] FILE...</c>: what each binary is, and the tags its packages need.</summary>
internal static class InspectCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON array, one object per file" };
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "Binaries to inspect (never executed)" };
        var command = new Command("inspect", "Show what binaries are and the tags their packages need") { json, files };
        command.SetAction(parse => Run(context, parse.GetRequiredValue(files), parse.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string[] files, bool json)
    {
        var reports = new List<InspectionReport>();
        var failed = false;
        foreach (var file in files)
        {
            try
            {
                reports.Add(InspectionReport.Create(BinaryInspector.Inspect(file)));
            }
            catch (CrossdockException e)
            {
                // One bad file must not hide the others: report it and go on.
                context.Error.WriteLine($"crossdock: {e.Message}");
                failed = true;
            }
        }
        if (json)
        {
            InspectionJson.Write(context.Out, reports);
        }
        else
        {
            InspectionTable.Write(context, reports);
        }
        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }
}
