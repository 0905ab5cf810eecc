using System.CommandLine;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Workflow;

namespace Crossdock.Cli;

/// <summary><c>crossdock generate github [--check]</c>: the release workflow from crossdock.toml.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context) =>
        new("generate", "Generate CI files from crossdock.toml") { CreateGithub(context) };

    private static Command CreateGithub(CliContext context)
    {
        var config = CommonOptions.Config();
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 and print a diff when the workflow on disk is not what would be generated" };
        var force = new Option<bool>("--force") { Description = "Replace a release.yml that crossdock did not generate" };
        var command = new Command("github", "Write .github/workflows/release.yml from crossdock.toml") { config, check, force };
        command.SetAction(parse =>
        {
            var project = ConfigLoader.Load(parse.GetRequiredValue(config));
            var model = ReleaseWorkflowGenerator.CreateModel(project, CrossdockVersion.Current);
            if (model.LanguageNote is { } note) context.Error.WriteLine($"crossdock: note: {note}");
            if (model.OutputsNote is { } outputs) context.Error.WriteLine($"crossdock: note: {outputs}");
            var workflow = ReleaseWorkflowGenerator.Render(model);
            var path = WorkflowFile.PathFor(project);
            if (parse.GetValue(check)) return Check(context, path, workflow);
            WorkflowFile.Write(path, workflow, parse.GetValue(force));
            context.Out.WriteLine($"wrote {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static int Check(CliContext context, string path, string workflow)
    {
        var diff = WorkflowFile.Diff(path, workflow);
        if (diff.Length == 0)
        {
            context.Out.WriteLine($"{path} is up to date");
            return ExitCodes.Success;
        }
        context.Out.Write(diff);
        context.Error.WriteLine($"crossdock: {path}: differs from what crossdock.toml generates; run 'crossdock generate github'");
        return ExitCodes.Failure;
    }
}
