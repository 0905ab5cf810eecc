using System.Text;
using System.Text.Json;
using Crossdock.Config;
using Crossdock.Release;

namespace Crossdock.Cli;

/// <summary>
/// The <c>targets --json</c> document, stable and documented in the README: <c>{"config", "targets": [...]}</c>,
/// one object per target with exactly the keys triple, default, configured, os, arch, libc, npm, wheel,
/// dotnetRid, zig, go, channels (null where a value does not apply; configured is null outside a project).
/// </summary>
internal static class TargetsJson
{
    public static void Write(TextWriter output, ProjectConfig? project, IReadOnlyList<TargetReport> reports)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, InspectionJson.Options))
        {
            json.WriteStartObject();
            if (project is null) json.WriteNull("config");
            else json.WriteString("config", project.SourcePath);
            json.WriteStartArray("targets");
            foreach (var report in reports) WriteTarget(json, report);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteTarget(Utf8JsonWriter json, TargetReport report)
    {
        var target = report.Target;
        json.WriteStartObject();
        json.WriteString("triple", target.Triple);
        json.WriteBoolean("default", target.IsDefault);
        if (report.Configured is { } configured) json.WriteBoolean("configured", configured);
        else json.WriteNull("configured");
        json.WriteString("os", target.Os.Name);
        json.WriteString("arch", target.Arch.Name);
        InspectionJson.WriteNullable(json, "libc", target.Libc?.Name);

        json.WriteStartObject("npm");
        json.WriteString("suffix", target.NpmSuffix);
        json.WriteString("os", target.NpmPlatform.Os);
        json.WriteString("cpu", target.NpmPlatform.Cpu);
        InspectionJson.WriteNullable(json, "libc", target.NpmPlatform.Libc);
        json.WriteEndObject();

        json.WriteStartObject("wheel");
        json.WriteString("family", report.Wheel.Family);
        json.WriteStartArray("tags");
        foreach (var tag in report.Wheel.Tags) json.WriteStringValue(tag);
        json.WriteEndArray();
        InspectionJson.WriteNullable(json, "oldestTag", report.Wheel.OldestTag);
        InspectionJson.WriteNullable(json, "reason", report.Wheel.NoWheelReason);
        json.WriteEndObject();

        InspectionJson.WriteNullable(json, "dotnetRid", target.DotnetRid);
        json.WriteString("zig", target.ZigTarget);
        json.WriteStartObject("go");
        json.WriteString("goos", target.Os.GoOs);
        json.WriteString("goarch", target.Arch.GoArch);
        json.WriteEndObject();

        json.WriteStartArray("channels");
        foreach (var channel in report.Channels) json.WriteStringValue(channel);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
