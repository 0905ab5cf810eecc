using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using Crossdock.Channels.Pypi;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Archives;
using Crossdock.Release;
using Spectre.Console;

namespace Crossdock.Cli;

/// <summary><c>crossdock pack</c>: one wheel and one npm platform package per binary.</summary>
internal static class PackCommand
{
    public static Command Create(CliContext context)
    {
        var config = CommonOptions.Config();
        var output = CommonOptions.Out();
        var version = CommonOptions.Version();
        var targets = CommonOptions.Target("Target triple of the binary (repeat once per binary, in order; 'crossdock targets' lists them); detected when omitted");
        var staticTags = CommonOptions.OneOf(new Option<string>("--static-linux-tags") { Description = "Wheel tags for fully static Linux binaries: 'target' (the target's family) or 'both' (manylinux and musllinux)", DefaultValueFactory = _ => "target" }, "target", "both");
        var jobs = new Option<int>("--jobs") { Description = "Cores to compress on, one binary's chunks on all of them (default: every core); the output is the same at any value", DefaultValueFactory = _ => Environment.ProcessorCount };
        var dryRun = CommonOptions.DryRun("Write nothing: print the release plan (targets, artifacts, names, versions) as JSON");
        var json = CommonOptions.Json();
        var binaries = new Argument<string[]>("BINARY") { Arity = ArgumentArity.OneOrMore, Description = "Per-platform executables built by the CI matrix, or the folders that hold each target's commands" };

        var command = new Command("pack", "Make each binary's wheel, npm, GitHub and NuGet packages")
        {
            config, output, version, targets, staticTags, jobs, dryRun, json, binaries,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetRequiredValue(binaries);
            var triples = parse.GetValue(targets) ?? [];
            var project = ConfigLoader.Load(parse.GetRequiredValue(config));
            // One --target per path (a binary, or the folder of a target's binaries), none to detect them, or one
            // --target for all paths when they are the several commands of one target.
            var oneTarget = triples.Length == 1 && project.Commands.Length > 1;
            if (triples.Length > 0 && triples.Length != paths.Length && !oneTarget)
            {
                throw CrossdockException.Usage($"{triples.Length} --target for {paths.Length} binaries: give one --target per binary (or per folder of binaries), or none to detect them");
            }
            var request = new PackRequest(
                project,
                [.. paths.Select((p, i) => (p, triples.Length == 0 ? null : oneTarget ? triples[0] : triples[i]))],
                parse.GetValue(version),
                parse.GetRequiredValue(output),
                parse.GetRequiredValue(staticTags) == "both" ? StaticLinuxTags.Both : StaticLinuxTags.Target);
            var plan = ReleasePlanner.Plan(request);
            if (parse.GetValue(dryRun))
            {
                ReleasePlanJson.Write(context.Out, plan);
                return ExitCodes.Success;
            }
            var timestamp = ArchiveTime.Resolve(context.Environment("SOURCE_DATE_EPOCH"));
            var showWork = Terminal.ShowsWork(context, parse.GetValue(json));
            var clock = Stopwatch.StartNew();
            var packed = WorkProgress.Run(context, showWork,
                [.. plan.Platforms.Select(p => (p.Target.Triple, p.Binaries.Commands.Sum(c => c.Size)))],
                read => ReleaseWriter.Write(plan, timestamp, parse.GetValue(jobs), read, context.Cancellation));
            Report(context, plan, packed, clock.Elapsed, parse.GetValue(json), showWork);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Report(CliContext context, ReleasePlan plan, ImmutableArray<PackedPlatform> packed, TimeSpan elapsed, bool json, bool showWork)
    {
        // Said once, on stderr in every form: a target without a wheel is not a failure, but the user should know.
        if (plan.NoWheelNote is { } note) context.Error.WriteLine($"note: {note}");
        if (plan.NugetCommandNote is { } nugetNote) context.Error.WriteLine($"note: {nugetNote}");
        if (json) ReleasePlanJson.WriteWritten(context.Out, plan);
        else if (showWork) Table(context, packed);
        if (!json) context.Out.WriteLine(Summary(plan, packed, elapsed));
        foreach (var platform in plan.Platforms)
        {
            // A warning is about the binary, or with several commands about the target's binaries together.
            var subject = platform.Binaries.Commands.Length == 1 ? platform.Binaries.Commands[0].SourcePath : platform.Target.Triple;
            foreach (var warning in platform.Warnings) context.Error.WriteLine($"warning: {subject}: {warning}");
        }
    }

    /// <summary>What a person at a terminal sees once the bars are gone: per target, what came out and how long it took.</summary>
    private static void Table(CliContext context, ImmutableArray<PackedPlatform> packed)
    {
        var archives = packed.Any(p => p.ArchiveSize is not null);
        var table = new Table().Border(TableBorder.Simple).AddColumns("Target", "Wheel", "npm");
        if (archives) table.AddColumn("GitHub");
        table.AddColumns("Ratio", "Time");
        table.Columns[0].NoWrap();
        foreach (var column in table.Columns.Skip(1)) column.RightAligned().NoWrap();
        foreach (var p in packed)
        {
            var largest = Math.Max(p.NpmSize, Math.Max(p.WheelSize ?? 0, p.ArchiveSize ?? 0));
            List<string> cells = [p.Platform.Target.Triple, p.WheelSize is { } wheel ? Terminal.Size(wheel) : "-", Terminal.Size(p.NpmSize)];
            if (archives) cells.Add(p.ArchiveSize is { } archive ? Terminal.Size(archive) : "-");
            cells.Add(p.BinarySize == 0 ? "-" : $"{100.0 * largest / p.BinarySize:0.0} %");
            cells.Add(Terminal.Seconds(p.Elapsed));
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }
        Terminal.For(context).Write(table);
    }

    /// <summary>The one line every form ends with: how many packages, how big, where, how long.</summary>
    private static string Summary(ReleasePlan plan, ImmutableArray<PackedPlatform> packed, TimeSpan elapsed)
    {
        var wheels = packed.Count(p => p.WheelSize is not null);
        var archives = packed.Count(p => p.ArchiveSize is not null);
        var binaries = packed.Sum(p => p.BinarySize);
        var what = $"{Terminal.Count(wheels, "wheel")}, {Terminal.Count(packed.Length, "npm package")}" + (archives > 0 ? $" and {Terminal.Count(archives, "GitHub archive")}" : "");
        // Every target has an npm package, and the other packages hold the same compressed bytes.
        var ratio = binaries == 0 ? "" : $", {100.0 * packed.Sum(p => p.NpmSize) / binaries:0.0} % of the binaries' size";
        var folder = Path.GetRelativePath(Environment.CurrentDirectory, plan.Layout.Root);
        return $"packed {Terminal.Count(packed.Length, "target")} into {folder}: {what} ({Terminal.Size(binaries)} of binaries{ratio}) in {Terminal.Seconds(elapsed)}";
    }
}
