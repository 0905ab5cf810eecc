using Crossdock.Core.Targets;
using Crossdock.Inspection;
using Crossdock.Release;
using Spectre.Console;

namespace Crossdock.Cli;

/// <summary>The human-readable <c>inspect</c> output: one table row per file, warnings underneath.</summary>
internal static class InspectionTable
{
    public static void Write(CliContext context, IReadOnlyList<InspectionReport> reports)
    {
        if (reports.Count == 0) return;
        var console = Terminal.For(context);
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("File", "Target", "Needs", "Wheel platform tag", "npm os/cpu/libc");
        foreach (var report in reports)
        {
            table.AddRow(
                Markup.Escape(report.Inspection.Path),
                Markup.Escape(report.Target?.Triple ?? "-"),
                Markup.Escape(Needs(report.Inspection)),
                Markup.Escape(report.WheelPlatformTag?.Compressed ?? "-"),
                Markup.Escape(string.Join(", ", report.Npm)));
        }
        console.Write(table);
        foreach (var report in reports)
        {
            foreach (var warning in report.Warnings)
            {
                console.MarkupLine($"[yellow]warning[/]: {Markup.Escape(report.Inspection.Path)}: {Markup.Escape(warning)}");
            }
        }
    }

    private static string Needs(BinaryInspection inspection)
    {
        if (inspection.Os == OperatingSystemFamily.Linux)
        {
            return inspection.LibcSummary + (inspection.IsStatic == true ? ", static" : ", dynamic");
        }
        if (inspection.Os == OperatingSystemFamily.Macos)
        {
            return string.Join(", ", inspection.Slices.Select(s => $"{s.Arch} macOS {s.MinimumMacos?.ToString() ?? "?"}"));
        }
        if (inspection.Os == OperatingSystemFamily.FreeBsd) return inspection.IsStatic == true ? "FreeBSD, static" : "FreeBSD, dynamic";
        return "windows";
    }
}
