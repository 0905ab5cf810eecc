using System.CommandLine;
using Crossdock.Channels.Npm;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Archives;
using Crossdock.Plan;
using Crossdock.Release;

namespace Crossdock.Cli;

/// <summary><c>crossdock assemble</c>: the main npm package, pinning every platform package found in OUT/npm.</summary>
internal static class AssembleCommand
{
    public static Command Create(CliContext context)
    {
        var config = CommonOptions.Config();
        var output = CommonOptions.Out();
        var version = CommonOptions.Version();
        var allowMissing = new Option<bool>("--allow-missing") { Description = "Write the main package even if some configured targets have no platform package" };
        var dryRun = CommonOptions.DryRun("Write nothing: print the launcher's package table as JSON");
        var command = new Command("assemble", "Write the main npm package that pins every platform")
        {
            config, output, version, allowMissing, dryRun,
        };
        command.SetAction(parse =>
        {
            var project = ConfigLoader.Load(parse.GetRequiredValue(config));
            var release = ProjectRelease.From(project, project.ResolveVersion(parse.GetValue(version)), parse.GetRequiredValue(output));
            var plan = ReleaseAssembler.Plan(project, release, parse.GetValue(allowMissing));
            var package = plan.NpmMainPackage;
            if (parse.GetValue(dryRun))
            {
                context.Out.WriteLine(MainPackageContent.LauncherConfig(package));
                return ExitCodes.Success;
            }
            ReleaseAssembler.Write(plan, ArchiveTime.Resolve(context.Environment("SOURCE_DATE_EPOCH")));
            context.Out.WriteLine($"{package.Name}@{package.Version}  {Path.GetRelativePath(Environment.CurrentDirectory, package.Path)}");
            foreach (var platform in package.Platforms) context.Out.WriteLine($"  optional {platform.Name}@{platform.Version}  ({platform.Target.Triple})");
            var missing = project.Targets.Except(package.Platforms.Select(p => p.Target)).ToList();
            if (missing.Count > 0) context.Error.WriteLine($"warning: no platform package for {string.Join(", ", missing.Select(t => t.Triple))} (--allow-missing)");
            return ExitCodes.Success;
        });
        return command;
    }
}
