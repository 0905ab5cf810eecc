using System.CommandLine;
using Crossdock.Channels.Npm;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Archives;
using Crossdock.Plan;
using Crossdock.Release;

namespace Crossdock.Cli;

/// <summary>
/// <c>crossdock assemble</c>: the main npm package, pinning every platform package found in OUT/npm, and the GitHub
/// Release's assets that need every archive in OUT/github.
/// </summary>
internal static class AssembleCommand
{
    public static Command Create(CliContext context)
    {
        var config = CommonOptions.Config();
        var output = CommonOptions.Out();
        var version = CommonOptions.Version();
        var allowMissing = new Option<bool>("--allow-missing") { Description = "Write the main packages even if some configured targets have no platform (or NuGet RID) package" };
        var repository = new Option<string?>("--github-repository") { Description = "The GitHub repository (owner/name) the installers download from; default: [github] repository" };
        var tag = new Option<string?>("--github-tag") { Description = "The GitHub Release's tag the installers download from; default: v<version>" };
        var dryRun = CommonOptions.DryRun("Write nothing: print the launcher's package table as JSON");
        var command = new Command("assemble", "Write the npm and NuGet main packages, GitHub installers")
        {
            config, output, version, allowMissing, repository, tag, dryRun,
        };
        command.SetAction(parse =>
        {
            var project = ConfigLoader.Load(parse.GetRequiredValue(config));
            var release = ProjectRelease.From(project, project.ResolveVersion(parse.GetValue(version)), parse.GetRequiredValue(output));
            var plan = ReleaseAssembler.Plan(project, release, parse.GetValue(allowMissing), parse.GetValue(repository), parse.GetValue(tag));
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
            if (plan.Github is { } github)
            {
                foreach (var text in github.Texts) context.Out.WriteLine($"github  {Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(github.Folder, text.Entry))}");
                context.Out.WriteLine($"github  {Path.GetRelativePath(Environment.CurrentDirectory, github.ChecksumFilePath)}  ({github.Listed.Length} files)");
                context.Out.WriteLine($"github  {Path.GetRelativePath(Environment.CurrentDirectory, github.ManifestPath)}");
                foreach (var warning in github.Warnings) context.Error.WriteLine($"warning: {warning}");
            }
            if (plan.NugetPointer is { } pointer)
            {
                context.Out.WriteLine($"nuget   {Path.GetRelativePath(Environment.CurrentDirectory, pointer.Path)}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
