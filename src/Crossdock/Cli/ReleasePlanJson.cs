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
        WriteStrings(json, "commands", plan.Project.Commands);
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
        json.WriteStartArray("binaries");
        foreach (var binary in platform.Binaries.Commands)
        {
            json.WriteStartObject();
            json.WriteString("command", binary.Command);
            json.WriteString("file", binary.SourcePath);
            json.WriteNumber("size", binary.Size);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (platform.Wheel is { } wheel)
        {
            json.WriteStartObject("wheel");
            json.WriteString("file", wheel.Path);
            json.WriteString("tag", wheel.Tag.Compressed);
            WriteStrings(json, "scripts", wheel.ScriptEntries);
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
        WriteStrings(json, "binaries", platform.NpmPackage.BinaryEntries);
        json.WriteEndObject();
        if (platform.Archive is { } archive)
        {
            json.WriteStartObject("github");
            json.WriteString("file", archive.Path);
            WriteStrings(json, "entries", [.. archive.BinaryEntries, .. archive.Files.Select(f => f.Entry)]);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("github");
        }
        if (platform.Nuget is { } nuget)
        {
            json.WriteStartObject("nuget");
            json.WriteString("file", nuget.Path);
            json.WriteString("id", nuget.Id);
            json.WriteString("version", nuget.Version);
            json.WriteString("rid", nuget.Rid);
            WriteStrings(json, "entries", [.. nuget.Leading.Select(f => f.Entry), .. nuget.EntryPoint is { } entryPoint ? [entryPoint] : Array.Empty<string>(), .. nuget.Trailing.Select(f => f.Entry)]);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("nuget"); // [nuget] enabled = false, or .NET has no RID for this target
        }
        WriteStrings(json, "warnings", platform.Warnings);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void Emit(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, InspectionJson.Options)) body(json);
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
