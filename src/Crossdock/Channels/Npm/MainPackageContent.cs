using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crossdock.Core.Text;
using Crossdock.Plan;

namespace Crossdock.Channels.Npm;

/// <summary>The files of the main npm package: package.json, the launcher script and the README.</summary>
public static class MainPackageContent
{
    private const string ConfigToken = "__CROSSDOCK_CONFIG__";

    public static string PackageJson(ProjectMetadata project, MainPackageArtifact package) => PackageJsonWriter.Write(json =>
    {
        json.WriteString("name", package.Name);
        json.WriteString("version", package.Version);
        if (project.Description is { } description) json.WriteString("description", description);
        PackageJsonWriter.WriteCommonFields(json, project);
        json.WriteStartObject("bin");
        foreach (var command in package.Commands) json.WriteString(command, NpmPackageLayout.Launcher(command));
        json.WriteEndObject();
        PackageJsonWriter.WriteArray(json, "files", [.. package.Commands.Select(NpmPackageLayout.Launcher), .. project.Metadata.LicenseFiles.Select(f => f.RelativePath)]);
        json.WriteStartObject("engines");
        json.WriteString("node", MainPackageArtifact.NodeEngines);
        json.WriteEndObject();
        json.WriteStartObject("optionalDependencies");
        foreach (var platform in package.Platforms) json.WriteString(platform.Name, platform.Version);
        json.WriteEndObject();
    });

    /// <summary>
    /// The launcher file of a command after the first (command names are letters, digits and <c>._+-</c>, so
    /// they need no escaping in JavaScript): npm links each <c>bin</c> entry to its own file (and writes a
    /// .cmd shim on Windows, which loses the name it was invoked as), so each command gets a file naming it.
    /// </summary>
    public static string CommandLauncher(MainPackageArtifact package, string command) => $"""
        #!/usr/bin/env node
        // The `{command}` command of {package.Name}: the launcher in {Path.GetFileName(package.LauncherEntry)}, choosing the {command} executable.
        "use strict";
        require("./{Path.GetFileName(package.LauncherEntry)}").main("{command}");

        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The launcher template with this release's packages filled in (the one token it holds).</summary>
    public static string Launcher(MainPackageArtifact package)
    {
        var template = EmbeddedText.Read("launcher.js");
        if (template.Split(ConfigToken).Length != 2) throw new InvalidOperationException($"launcher.js must hold {ConfigToken} exactly once");
        return template.Replace(ConfigToken, LauncherConfig(package), StringComparison.Ordinal);
    }

    /// <summary>The JSON the launcher reads: which package serves which os/cpu/libc, and its override variables.</summary>
    public static string LauncherConfig(MainPackageArtifact package)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("name", package.Name);
            json.WriteString("version", package.Version);
            json.WriteString("libcEnv", NpmNames.LibcVariable(package.Bin));
            json.WriteStartArray("commands");
            foreach (var command in package.Commands)
            {
                json.WriteStartObject();
                json.WriteString("name", command);
                json.WriteString("binaryPathEnv", NpmNames.BinaryPathVariable(command));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("packages");
            foreach (var platform in package.Platforms)
            {
                var npm = platform.Target.NpmPlatform;
                json.WriteStartObject();
                json.WriteString("name", platform.Name);
                json.WriteString("os", npm.Os);
                json.WriteString("cpu", npm.Cpu);
                if (npm.Libc is { } libc) json.WriteString("libc", libc);
                else json.WriteNull("libc");
                json.WriteStartObject("binaries");
                for (var i = 0; i < package.Commands.Length; i++) json.WriteString(package.Commands[i], platform.BinaryEntries[i]);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A README table's platform: "linux x64 glibc", "linux arm64, any libc" (a libc-free build), "freebsd x64".</summary>
    private static string PlatformWords(Core.Targets.Target target)
    {
        var npm = target.NpmPlatform;
        var libc = npm.Libc is { } name ? " " + name : target.IsLibcFree ? ", any libc" : "";
        return $"{npm.Os} {npm.Cpu}{libc}";
    }

    /// <summary>The project's README, followed by a section on how the binary reaches users.</summary>
    public static string Readme(ProjectMetadata project, MainPackageArtifact package)
    {
        var text = new StringBuilder();
        if (project.Readme is { } readme)
        {
            text.Append(readme.Text.TrimEnd('\n')).Append("\n\n");
        }
        else
        {
            text.Append($"# {package.Name}\n\n");
            if (project.Description is { } description) text.Append(description).Append("\n\n");
        }
        var one = package.Commands.Length == 1;
        var commands = one ? $"`{package.Bin}`" : string.Join(", ", package.Commands[..^1].Select(c => $"`{c}`")) + $" and `{package.Commands[^1]}`";
        text.Append($"""
            ## How {commands} {(one ? "is" : "are")} installed

            {commands} {(one ? "is a native executable" : "are native executables")}. This package holds only {(one ? "a small launcher; the executable" : "small launchers; the executables")}
            {(one ? "comes" : "come")} from one of the packages below, which npm installs as an optional dependency when its
            `os`, `cpu` and `libc` match your machine:

            | Package | Platform |
            |---|---|

            """);
        foreach (var platform in package.Platforms)
        {
            text.Append($"| `{platform.Name}` | {PlatformWords(platform.Target)} |\n");
        }
        text.Append($"""

            If {(one ? $"`{package.Bin}`" : "a command")} reports that its platform package is missing, reinstall without `--omit=optional`
            (or `--no-optional`), and don't copy `node_modules` or a lockfile between operating systems.
            Set {string.Join(" or ", package.Commands.Select(c => $"`{NpmNames.BinaryPathVariable(c)}`"))} to run another copy of {(one ? "the executable" : "an executable")}, or
            `{NpmNames.LibcVariable(package.Bin)}=glibc|musl` to override the C library detected on Linux.

            """);
        // The raw string literals above carry this source file's line endings; packages always get LF.
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
