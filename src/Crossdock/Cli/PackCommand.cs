using System.CommandLine;
using Crossdock.Channels.Pypi;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Archives;
using Crossdock.Release;

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
        var jobs = new Option<int>("--jobs") { Description = "Targets packed at once (default: the number of cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
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
            ReleaseWriter.Write(plan, timestamp, parse.GetValue(jobs), context.Cancellation);
            Report(context, plan, parse.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Report(CliContext context, ReleasePlan plan, bool json)
    {
        // Said once, on stderr in both forms: a target without a wheel is not a failure, but the user should know.
        if (plan.NoWheelNote is { } note) context.Error.WriteLine($"note: {note}");
        if (plan.NugetCommandNote is { } nugetNote) context.Error.WriteLine($"note: {nugetNote}");
        if (json)
        {
            ReleasePlanJson.WriteWritten(context.Out, plan);
            return;
        }
        foreach (var platform in plan.Platforms)
        {
            context.Out.WriteLine($"{platform.Target.Triple}");
            if (platform.Wheel is { } wheel) context.Out.WriteLine($"  wheel  {Path.GetRelativePath(Environment.CurrentDirectory, wheel.Path)}");
            context.Out.WriteLine($"  npm    {Path.GetRelativePath(Environment.CurrentDirectory, platform.NpmPackage.Path)}");
            if (platform.Archive is { } archive) context.Out.WriteLine($"  github {Path.GetRelativePath(Environment.CurrentDirectory, archive.Path)}");
            if (platform.Nuget is { } nuget) context.Out.WriteLine($"  nuget  {Path.GetRelativePath(Environment.CurrentDirectory, nuget.Path)}");
            // A warning is about the binary, or with several commands about the target's binaries together.
            var subject = platform.Binaries.Commands.Length == 1 ? platform.Binaries.Commands[0].SourcePath : platform.Target.Triple;
            foreach (var warning in platform.Warnings) context.Error.WriteLine($"warning: {subject}: {warning}");
        }
    }
}
