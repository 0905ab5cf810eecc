using System.CommandLine;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Release;
using Spectre.Console;

namespace Crossdock.Cli;

/// <summary>
/// <c>crossdock targets [--json]</c>: the target table as users need it, every name each ecosystem gives a
/// target and the channels that can ship it. In a project (./crossdock.toml or --config) the configured
/// targets are marked; outside one, nothing is marked and nothing is an error.
/// </summary>
internal static class TargetsCommand
{
    public static Command Create(CliContext context)
    {
        var config = CommonOptions.Config();
        config.Description = "The project whose targets are marked (the default file only if it exists)";
        var json = new Option<bool>("--json") { Description = "Print the table as one JSON document (stable; see the README)" };
        var command = new Command("targets", "List the targets and the channels that carry each") { config, json };
        command.SetAction(parse =>
        {
            var project = LoadProject(parse.GetRequiredValue(config), explicitly: parse.GetResult(config) is { Implicit: false });
            var reports = TargetReport.All(project);
            if (parse.GetValue(json)) TargetsJson.Write(context.Out, project, reports);
            else WriteTable(context, project, reports);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The project to mark targets of: a missing default file means "not in a project"; a named one must exist.</summary>
    private static ProjectConfig? LoadProject(string path, bool explicitly) =>
        explicitly || File.Exists(path) || Directory.Exists(path) ? ConfigLoader.Load(path) : null;

    private static void WriteTable(CliContext context, ProjectConfig? project, IReadOnlyList<TargetReport> reports)
    {
        var console = Terminal.For(context);
        // No borders and two spaces between columns, like `docker ps`: the table is wide, and read by eye and by grep.
        var table = new Table().Border(TableBorder.None);
        var headers = new[] { "target", "default", "npm suffix", "npm os/cpu/libc", "wheel tag", ".NET RID", "zig", "go", "channels" };
        foreach (var header in project is null ? headers : ["", .. headers]) table.AddColumn(new TableColumn(header).Padding(0, 0, 2, 0));
        foreach (var report in reports)
        {
            var target = report.Target;
            var cells = new List<string>();
            if (project is not null) cells.Add(report.Configured == true ? "*" : "");
            cells.AddRange(
            [
                target.Triple,
                target.IsDefault ? "default" : "opt-in",
                target.NpmSuffix,
                target.NpmPlatform.ToString(),
                report.Wheel.HasWheel ? string.Join(".", report.Wheel.Tags) : $"none: {report.Wheel.NoWheelReason}",
                target.DotnetRid ?? "-",
                target.ZigTarget,
                $"{target.Os.GoOs}/{target.Arch.GoArch}",
                string.Join(", ", report.Channels),
            ]);
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }
        console.Write(table);
        if (project is not null)
        {
            console.WriteLine($"* configured in {project.SourcePath} ([package] targets: {project.Targets.Length} of {reports.Count})");
        }
        else
        {
            console.WriteLine("default targets are released unless [package] targets in crossdock.toml lists others; opt-in ones only when listed there");
        }
        console.WriteLine("X and Y in a wheel tag come from the binary: its highest GLIBC_2.X need, its minimum macOS");
    }
}
