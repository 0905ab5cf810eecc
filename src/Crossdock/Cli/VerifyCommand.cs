using System.CommandLine;
using System.Text;
using System.Text.Json;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Plan;
using Crossdock.Release;
using Spectre.Console;

namespace Crossdock.Cli;

/// <summary><c>crossdock verify [DIR]</c>: every check PyPI, pip and npm would make, before anything is uploaded.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var config = CommonOptions.Config();
        var version = CommonOptions.Version();
        var json = CommonOptions.Json();
        var only = CommonOptions.OneOf(new Option<string?>("--only") { Description = "Check only one channel's artifacts: 'pypi' (wheels), 'npm' (packages), 'github' (archives, checksums, installers) or 'nuget' (.NET tool packages)" }, "pypi", "npm", "github", "nuget");
        var directory = new Argument<string?>("DIR") { Description = "The release folder, with pypi/, npm/, github/ and nuget/ inside (default: dist)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("verify", "Check every package, and the release as a whole") { config, version, only, json, directory };
        command.SetAction(parse =>
        {
            var scope = parse.GetValue(only) switch { "pypi" => VerificationScope.Pypi, "npm" => VerificationScope.Npm, "github" => VerificationScope.Github, "nuget" => VerificationScope.Nuget, _ => VerificationScope.All };
            var project = ConfigLoader.Load(parse.GetRequiredValue(config));
            var folder = parse.GetValue(directory) ?? "dist";
            var showWork = Terminal.ShowsWork(context, parse.GetValue(json));
            var files = Directory.Exists(folder) ? ReleaseVerifier.Artifacts(folder, project, scope) : [];
            // A bar per artifact, full once it is checked: each is read whole, by readers that do not report bytes.
            var report = WorkProgress.RunByItem(context, showWork, [.. files.Select(f => (Path.GetFileName(f.File), new FileInfo(f.File).Length))],
                done => Run(project, folder, parse.GetValue(version), scope, done));
            if (showWork) Table(context, report);
            Print(context, report, parse.GetValue(json));
            return report.Ok ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    public static VerificationReport Run(ProjectConfig config, string directory, string? version, VerificationScope scope, Action<int>? checkedFile = null)
    {
        if (!Directory.Exists(directory)) throw CrossdockException.ForFile(directory, "no such folder (run 'crossdock pack' first)");
        return ReleaseVerifier.Verify(directory, config, version, scope, checkedFile);
    }

    /// <summary>On a terminal, before the problems and the summary: per target, the size of each channel's package.</summary>
    private static void Table(CliContext context, VerificationReport report)
    {
        var perTarget = report.Artifacts.Where(a => a.Kind != ArtifactKind.NpmMainPackage)
            .SelectMany(a => a.Targets.Select(t => (Target: t.Triple, a.Kind, Size: new FileInfo(a.File).Length)))
            .GroupBy(a => a.Target).ToList();
        if (perTarget.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple).AddColumns("Target", "Wheel", "npm", "GitHub");
        table.Columns[0].NoWrap();
        foreach (var column in table.Columns.Skip(1)) column.RightAligned().NoWrap();
        foreach (var target in perTarget)
        {
            string SizeOf(ArtifactKind kind) => target.Where(a => a.Kind == kind).Select(a => Terminal.Size(a.Size)).FirstOrDefault() ?? "-";
            table.AddRow(Markup.Escape(target.Key), SizeOf(ArtifactKind.Wheel), SizeOf(ArtifactKind.NpmPlatformPackage), SizeOf(ArtifactKind.GithubArchive));
        }
        Terminal.For(context).Write(table);
    }

    /// <summary>The gate before any upload: verify the registry's artifacts and stop, saying why, on any problem.</summary>
    public static VerificationReport RequireClean(CliContext context, ProjectConfig config, string directory, string? version, VerificationScope scope)
    {
        var report = Run(config, directory, version, scope);
        if (report.Ok) return report;
        Print(context, report, json: false);
        throw new CrossdockException("nothing was published: fix the problems above first");
    }

    public static void Print(CliContext context, VerificationReport report, bool json)
    {
        if (json)
        {
            WriteJson(context.Out, report);
            return;
        }
        foreach (var problem in report.Problems) context.Out.WriteLine(problem.ToString());
        var wheels = report.Artifacts.Count(a => a.Kind == ArtifactKind.Wheel);
        var archives = report.Artifacts.Count(a => a.Kind == ArtifactKind.GithubArchive);
        var nuget = report.Artifacts.Count(a => a.Kind is ArtifactKind.NugetRidPackage or ArtifactKind.NugetToolPackage);
        var packages = report.Artifacts.Length - wheels - archives - nuget;
        var summary = $"{wheels} wheels, {packages} npm packages, {archives} GitHub archives and {nuget} NuGet packages of version {report.Version?.Pep440 ?? "?"} in {report.Directory}";
        if (report.Ok) context.Out.WriteLine($"verified {summary}: no problems");
        else context.Error.WriteLine($"crossdock: verify found {report.Problems.Length} problem(s) in {summary}");
    }

    private static void WriteJson(TextWriter output, VerificationReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, InspectionJson.Options))
        {
            json.WriteStartObject();
            json.WriteBoolean("ok", report.Ok);
            json.WriteString("directory", report.Directory);
            if (report.Version is { } v)
            {
                json.WriteString("version", v.Pep440);
                json.WriteString("npmVersion", v.Semver);
            }
            json.WriteStartArray("artifacts");
            foreach (var artifact in report.Artifacts)
            {
                json.WriteStartObject();
                json.WriteString("file", artifact.File);
                json.WriteString("kind", artifact.Kind switch { ArtifactKind.Wheel => "wheel", ArtifactKind.NpmPlatformPackage => "npm-platform", ArtifactKind.GithubArchive => "github-archive", ArtifactKind.NugetRidPackage => "nuget-rid", ArtifactKind.NugetToolPackage => "nuget-tool", _ => "npm-main" });
                json.WriteString("name", artifact.PackageName);
                json.WriteString("version", artifact.Version);
                json.WriteStartArray("targets");
                foreach (var target in artifact.Targets) json.WriteStringValue(target.Triple);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("problems");
            foreach (var problem in report.Problems)
            {
                json.WriteStartObject();
                json.WriteString("file", problem.File);
                json.WriteString("check", problem.Check);
                json.WriteString("message", problem.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
