using System.Text;
using System.Text.Json;
using Crossdock.Release;

namespace Crossdock.Cli;

/// <summary>The JSON forms of a release plan (<c>pack --dry-run</c>) and of what <c>pack --json</c> wrote.</summary>
internal static class ReleasePlanJson
{
    public static void Write(TextWriter output, ReleasePlan plan) => Emit(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("version", plan.Version.Pep440);
        json.WriteString("npmVersion", plan.Version.Semver);
        json.WriteString("output", plan.Layout.Root);
        json.WriteStartObject("project");
        json.WriteString("pypiName", plan.Project.PypiName);
        json.WriteString("npmName", plan.Project.NpmName);
        json.WriteString("bin", plan.Project.Bin);
        json.WriteEndObject();
        json.WriteStartArray("platforms");
        foreach (var platform in plan.Platforms) WritePlatform(json, platform);
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>What <c>pack --json</c> reports once the plan is written: its platforms, with the same paths.</summary>
    public static void WriteWritten(TextWriter output, ReleasePlan plan) => Emit(output, json =>
    {
        json.WriteStartArray();
        foreach (var platform in plan.Platforms) WritePlatform(json, platform);
        json.WriteEndArray();
    });

    private static void WritePlatform(Utf8JsonWriter json, PlatformRelease platform)
    {
        json.WriteStartObject();
        json.WriteString("target", platform.Target.Triple);
        json.WriteString("binary", platform.Binary.SourcePath);
        json.WriteNumber("size", platform.Binary.Size);
        if (platform.Wheel is { } wheel)
        {
            json.WriteStartObject("wheel");
            json.WriteString("file", wheel.Path);
            json.WriteString("tag", wheel.Tag.Compressed);
            json.WriteString("script", wheel.ScriptEntry);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("wheel"); // PyPI has no platform tag for this target (FreeBSD)
        }
        json.WriteStartObject("npm");
        json.WriteString("file", platform.NpmPackage.Path);
        json.WriteString("name", platform.NpmPackage.Name);
        json.WriteString("version", platform.NpmPackage.Version);
        json.WriteString("os", platform.NpmPackage.Platform.Os);
        json.WriteString("cpu", platform.NpmPackage.Platform.Cpu);
        if (platform.NpmPackage.Platform.Libc is { } libc) json.WriteString("libc", libc);
        else json.WriteNull("libc");
        json.WriteEndObject();
        json.WriteStartArray("warnings");
        foreach (var warning in platform.Warnings) json.WriteStringValue(warning);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Emit(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, InspectionJson.Options)) body(json);
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
