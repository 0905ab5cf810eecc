using System.Text.Json;
using Crossdock.Core.Targets;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Cli;

/// <summary>
/// <c>crossdock targets</c>, run as its own process in a folder, since what it marks depends on the
/// crossdock.toml of the folder it runs in.
/// </summary>
public sealed class TargetsCommandTests
{
    private static readonly string[] DocumentedKeys =
        ["triple", "default", "configured", "os", "arch", "libc", "npm", "wheel", "dotnetRid", "zig", "go", "channels"];

    [Fact]
    public void Outside_a_project_the_table_lists_every_target_once_and_marks_none()
    {
        using var folder = new TempDir();

        var result = CrossdockRunner.RunIn(folder.Path, "targets");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var rows = result.Stdout.Split('\n').Skip(1).Where(l => l.Length > 0 && !l.StartsWith("default targets", StringComparison.Ordinal) && !l.StartsWith("X and Y", StringComparison.Ordinal)).ToList();
        Assert.Equal(TargetTable.All.Select(t => t.Triple), rows.Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]));
        foreach (var (row, target) in rows.Zip(TargetTable.All))
        {
            Assert.Contains(target.IsDefault ? " default " : " opt-in ", row, StringComparison.Ordinal);
            Assert.Contains($" {target.NpmSuffix} ", row, StringComparison.Ordinal);
            Assert.Contains($" {target.NpmPlatform} ", row, StringComparison.Ordinal);
            Assert.Contains($" {target.ZigTarget} ", row, StringComparison.Ordinal);
            Assert.Contains($" {target.Os.GoOs}/{target.Arch.GoArch} ", row, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("*", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_has_exactly_the_documented_keys_and_derives_every_value_from_the_table()
    {
        using var folder = new TempDir();

        using var document = JsonDocument.Parse(CrossdockRunner.RunIn(folder.Path, "targets", "--json").Stdout);

        Assert.Equal(["config", "targets"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("config").ValueKind);
        var items = document.RootElement.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(TargetTable.All.Length, items.Count);
        foreach (var (item, target) in items.Zip(TargetTable.All))
        {
            Assert.Equal(DocumentedKeys, item.EnumerateObject().Select(p => p.Name));
            Assert.Equal(target.Triple, item.GetProperty("triple").GetString());
            Assert.Equal(target.IsDefault, item.GetProperty("default").GetBoolean());
            Assert.Equal(JsonValueKind.Null, item.GetProperty("configured").ValueKind);
            Assert.Equal(target.Libc?.Name, item.GetProperty("libc").GetString());
            var npm = item.GetProperty("npm");
            Assert.Equal([target.NpmSuffix, target.NpmPlatform.Os, target.NpmPlatform.Cpu, target.NpmPlatform.Libc],
                new[] { "suffix", "os", "cpu", "libc" }.Select(k => npm.GetProperty(k).GetString()));
            Assert.Equal(target.DotnetRid, item.GetProperty("dotnetRid").GetString());
            Assert.Equal(target.ZigTarget, item.GetProperty("zig").GetString());
            Assert.Equal(target.Os.GoOs, item.GetProperty("go").GetProperty("goos").GetString());
            Assert.Equal(target.Arch.GoArch, item.GetProperty("go").GetProperty("goarch").GetString());

            // A wheel exists exactly when PyPI accepts a tag for the target, and then PyPI is one of its channels.
            var wheel = item.GetProperty("wheel");
            Assert.Equal(["family", "tags", "oldestTag", "reason"], wheel.EnumerateObject().Select(p => p.Name));
            var hasWheel = wheel.GetProperty("family").GetString() != "none";
            Assert.Equal(hasWheel, wheel.GetProperty("tags").GetArrayLength() > 0);
            Assert.Equal(hasWheel, wheel.GetProperty("reason").ValueKind == JsonValueKind.Null);
            var channels = item.GetProperty("channels").EnumerateArray().Select(c => c.GetString()).ToList();
            Assert.Contains("npm", channels);
            Assert.Equal(hasWheel, channels.Contains("pypi"));
        }
    }

    [Fact]
    public void Json_for_the_whole_table_matches_the_golden_file()
    {
        using var folder = new TempDir();

        var result = CrossdockRunner.RunIn(folder.Path, "targets", "--json");

        Golden.Match("targets/targets.json", result.Stdout);
    }

    [Fact]
    public void Table_for_the_whole_table_matches_the_golden_file()
    {
        using var folder = new TempDir();

        var result = CrossdockRunner.RunIn(folder.Path, "targets");

        Golden.Match("targets/targets.txt", result.Stdout);
    }

    [Fact]
    public void In_a_project_the_configured_targets_are_marked()
    {
        using var project = new TempDir();
        var configured = new[] { TargetTable.Defaults[0], TargetTable.All.First(t => !t.IsDefault) };
        project.Write("crossdock.toml", $"[package]\nname = \"mytool\"\ntargets = [{string.Join(", ", configured.Select(t => $"\"{t.Triple}\""))}]\n");

        var table = CrossdockRunner.RunIn(project.Path, "targets");
        using var document = JsonDocument.Parse(CrossdockRunner.RunIn(project.Path, "targets", "--json").Stdout);

        var marked = table.Stdout.Split('\n').Where(l => l.StartsWith('*') && !l.StartsWith("* configured", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        Assert.Equal(configured.Select(t => t.Triple), marked);
        Assert.Contains($"* configured in crossdock.toml ([package] targets: 2 of {TargetTable.All.Length})", table.Stdout, StringComparison.Ordinal);
        Assert.Equal("crossdock.toml", document.RootElement.GetProperty("config").GetString());
        foreach (var item in document.RootElement.GetProperty("targets").EnumerateArray())
        {
            Assert.Equal(configured.Any(t => t.Triple == item.GetProperty("triple").GetString()), item.GetProperty("configured").GetBoolean());
        }
    }

    [Fact]
    public void Config_names_another_project()
    {
        using var project = new TempDir();
        var config = project.Write("sub/crossdock.toml", "[package]\nname = \"mytool\"\n");
        using var elsewhere = new TempDir();

        using var document = JsonDocument.Parse(CrossdockRunner.RunIn(elsewhere.Path, "targets", "--json", "--config", config).Stdout);

        Assert.Equal(config, document.RootElement.GetProperty("config").GetString());
        Assert.Equal(TargetTable.All.Select(t => t.IsDefault), document.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("configured").GetBoolean()));
    }

    [Fact]
    public void A_broken_crossdock_toml_is_one_line_naming_it_and_exit_1()
    {
        using var project = new TempDir();
        project.Write("crossdock.toml", "[package]\nname = \"mytool\"\ntargets = [\"x86_64-unknown-linux-gnux\"]\n");

        var result = CrossdockRunner.RunIn(project.Path, "targets");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("crossdock: crossdock.toml:3: [package] targets: 'x86_64-unknown-linux-gnux' is not a supported target (did you mean 'x86_64-unknown-linux-gnu'?)\n", result.Stderr);
    }

    [Fact]
    public void A_config_named_on_the_command_line_must_exist()
    {
        using var folder = new TempDir();

        var result = CrossdockRunner.RunIn(folder.Path, "targets", "--config", "other.toml");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("crossdock: other.toml: no such file (create one with 'crossdock init')\n", result.Stderr);
    }

    [Fact]
    public void The_readme_documents_every_json_key()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        var section = readme[readme.IndexOf("### `crossdock targets --json`", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", StringComparison.Ordinal)];

        string[] nested = ["suffix", "cpu", "family", "tags", "oldestTag", "reason", "goos", "goarch"];
        foreach (var key in DocumentedKeys.Concat(nested).Append("config"))
        {
            Assert.Contains($"`{key}`", section, StringComparison.Ordinal);
        }
        foreach (var channel in new[] { "pypi", "npm", "github", "nuget" }) Assert.Contains($"`{channel}`", section, StringComparison.Ordinal);
    }
}
