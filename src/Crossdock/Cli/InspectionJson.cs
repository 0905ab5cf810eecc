using System.Text.Encodings.Web;
using System.Text.Json;
using Crossdock.Core.Targets;
using Crossdock.Inspection;
using Crossdock.Release;

namespace Crossdock.Cli;

/// <summary>
/// The <c>inspect --json</c> document: an array with one object per file and exactly the keys
/// path, target, os, arch, libc, static, glibc, macos, wheelPlatformTag, npm, warnings (null where a value does not apply).
/// </summary>
internal static class InspectionJson
{
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, IReadOnlyList<InspectionReport> reports)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartArray();
            foreach (var report in reports) WriteReport(json, report);
            json.WriteEndArray();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteReport(Utf8JsonWriter json, InspectionReport report)
    {
        var inspection = report.Inspection;
        var linux = inspection.Os == OperatingSystemFamily.Linux;
        json.WriteStartObject();
        json.WriteString("path", inspection.Path);
        WriteNullable(json, "target", report.Target?.Triple);
        json.WriteString("os", inspection.Os.Name);
        json.WriteString("arch", inspection.IsFat ? UniversalName(inspection) : inspection.Arch!.Name);
        WriteNullable(json, "libc", linux ? inspection.Libc?.Name : null);
        if (inspection.IsStatic is { } isStatic) json.WriteBoolean("static", isStatic);
        else json.WriteNull("static");
        WriteNullable(json, "glibc", inspection.GlibcRequirement?.ToString());
        WriteMacos(json, inspection);
        WriteNullable(json, "wheelPlatformTag", report.WheelPlatformTag?.Compressed);
        WriteNpm(json, report);
        json.WriteStartArray("warnings");
        foreach (var warning in report.Warnings) json.WriteStringValue(warning);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string UniversalName(BinaryInspection inspection) => inspection.IsUniversal2 ? "universal2" : "universal";

    /// <summary>A thin Mach-O gives one version string; a fat one an object mapping each slice's arch to its minimum.</summary>
    private static void WriteMacos(Utf8JsonWriter json, BinaryInspection inspection)
    {
        if (inspection.Os != OperatingSystemFamily.Macos)
        {
            json.WriteNull("macos");
        }
        else if (inspection.IsFat)
        {
            json.WriteStartObject("macos");
            foreach (var slice in inspection.Slices) WriteNullable(json, slice.Arch.Name, slice.MinimumMacos?.ToString());
            json.WriteEndObject();
        }
        else
        {
            WriteNullable(json, "macos", inspection.MinimumMacos?.ToString());
        }
    }

    /// <summary>The package.json fields as npm wants them (arrays); <c>libc</c> only on Linux.</summary>
    private static void WriteNpm(Utf8JsonWriter json, InspectionReport report)
    {
        if (report.Npm.IsEmpty)
        {
            json.WriteNull("npm");
            return;
        }
        json.WriteStartObject("npm");
        WriteArray(json, "os", report.Npm.Select(n => n.Os));
        WriteArray(json, "cpu", report.Npm.Select(n => n.Cpu));
        var libc = report.Npm.Select(n => n.Libc).OfType<string>().ToList();
        if (libc.Count > 0) WriteArray(json, "libc", libc);
        json.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values.Distinct()) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    internal static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
