using System.CommandLine;
using System.Diagnostics;
using Crossdock.Channels.Npm;
using Crossdock.Channels.NuGet;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Archives;
using Crossdock.Plan;
using Crossdock.Release;
using Spectre.Console;

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
        var frameworkDependent = new Option<string?>("--nuget-framework-dependent")
        {
            Description = "Also write the NuGet {id}.any package from this framework-dependent 'dotnet publish' folder, the fallback for RIDs without a native build",
            HelpName = "DIR",
        };
        var dryRun = CommonOptions.DryRun("Write nothing: print the launcher's package table as JSON (and the NuGet packages' entries on stderr)");
        var command = new Command("assemble", "Write the npm and NuGet main packages, GitHub installers")
        {
            config, output, version, allowMissing, repository, tag, frameworkDependent, dryRun,
        };
        command.SetAction(parse =>
        {
            var project = ConfigLoader.Load(parse.GetRequiredValue(config));
            var release = ProjectRelease.From(project, project.ResolveVersion(parse.GetValue(version)), parse.GetRequiredValue(output));
            var plan = ReleaseAssembler.Plan(project, release, parse.GetValue(allowMissing), parse.GetValue(repository), parse.GetValue(tag), parse.GetValue(frameworkDependent));
            var package = plan.NpmMainPackage;
            if (parse.GetValue(dryRun))
            {
                context.Out.WriteLine(MainPackageContent.LauncherConfig(package));
                // stdout stays one JSON document; what NuGet would get is told beside it.
                foreach (var nuget in new[] { plan.NugetFrameworkDependent, plan.NugetPointer }.OfType<NugetPackageArtifact>())
                {
                    context.Error.WriteLine($"would write {Path.GetRelativePath(Environment.CurrentDirectory, nuget.Path)}: {string.Join(", ", nuget.Leading.Concat(nuget.Trailing).Select(f => f.Entry))}");
                }
                return ExitCodes.Success;
            }
            var clock = Stopwatch.StartNew();
            var showWork = Terminal.ShowsWork(context, json: false);
            // A bar per file the GitHub checksums cover (reading them all is what takes time), full once it is hashed.
            var listed = plan.Github?.Listed ?? [];
            WorkProgress.Run(context, showWork, [.. listed.Select(f => (f.FileName, File.Exists(f.Path) ? new FileInfo(f.Path).Length : 0))], hashed =>
            {
                ReleaseAssembler.Write(plan, ArchiveTime.Resolve(context.Environment("SOURCE_DATE_EPOCH")), hashed);
                return 0;
            });
            if (showWork) Table(context, plan);
            var githubFiles = plan.Github is { } written ? written.Texts.Length + 2 : 0;
            context.Out.WriteLine($"assembled {package.Name}@{package.Version} pinning {Terminal.Count(package.Platforms.Length, "platform package")}"
                + (githubFiles > 0 ? $" and {githubFiles} GitHub release files" : "")
                + (plan.NugetPointer is not null ? " and the NuGet pointer package" : "")
                + (plan.NugetFrameworkDependent is not null ? " and the framework-dependent NuGet any package" : "")
                + $" in {Path.GetRelativePath(Environment.CurrentDirectory, plan.Release.Layout.Root)} in {Terminal.Seconds(clock.Elapsed)}");
            var missing = project.Targets.Except(package.Platforms.Select(p => p.Target)).ToList();
            if (missing.Count > 0) context.Error.WriteLine($"warning: no platform package for {string.Join(", ", missing.Select(t => t.Triple))} (--allow-missing)");
            foreach (var warning in plan.Github?.Warnings ?? []) context.Error.WriteLine($"warning: {warning}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>On a terminal: every file assemble wrote, with its size (what it pins or lists is in the files).</summary>
    private static void Table(CliContext context, AssemblyPlan plan)
    {
        var package = plan.NpmMainPackage;
        List<(string File, string What)> rows = [(package.Path, $"npm main package, pins {package.Platforms.Length} platform packages")];
        if (plan.Github is { } github)
        {
            rows.AddRange(github.Texts.Select(t => (Path.Combine(github.Folder, t.Entry), "GitHub release file")));
            rows.Add((github.ChecksumFilePath, $"checksums of {github.Listed.Length} files"));
            rows.Add((github.ManifestPath, "release manifest"));
        }
        if (plan.NugetFrameworkDependent is { } any) rows.Add((any.Path, "NuGet framework-dependent package (the any RID)"));
        if (plan.NugetPointer is { } pointer) rows.Add((pointer.Path, "NuGet pointer package"));
        var table = new Table().Border(TableBorder.Simple).AddColumns("File", "Size", "What");
        table.Columns[1].RightAligned().NoWrap();
        foreach (var (file, what) in rows)
        {
            table.AddRow(Markup.Escape(Path.GetRelativePath(Environment.CurrentDirectory, file)), Terminal.Size(new FileInfo(file).Length), Markup.Escape(what));
        }
        Terminal.For(context).Write(table);
    }
}
