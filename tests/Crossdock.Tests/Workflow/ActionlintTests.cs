using System.Text.RegularExpressions;
using Crossdock.Tests.Support;
using Crossdock.Workflow;

namespace Crossdock.Tests.Workflow;

/// <summary>Every generated workflow passes the real actionlint with zero findings.</summary>
public sealed class ActionlintTests
{
    /// <summary>
    /// Current GitHub-hosted runner labels that actionlint 1.7.7 does not know yet, declared to it as known.
    /// Nothing else is added or ignored.
    /// </summary>
    private static readonly string[] LabelsActionlintDoesNotKnow = [HostedRunners.WindowsArm64];

    public static TheoryData<string> Samples => [.. SampleProjects.All.Keys];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Generated_workflow_has_no_actionlint_findings(string sample)
    {
        var workflow = ReleaseWorkflowGenerator.Generate(SampleProjects.Config(sample), SampleProjects.CrossdockVersion);

        var result = Actionlint.Run(workflow, LabelsActionlintDoesNotKnow);

        Assert.True(result.ExitCode == 0, $"actionlint found problems in the {sample} workflow:\n{result.Output}");
        Assert.Contains("0 finding(s) in 1 file(s)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Crossdocks_own_release_workflow_has_no_actionlint_findings()
    {
        var result = Actionlint.Run(File.ReadAllText(Repository.PathOf(".github", "workflows", "release.yml")), LabelsActionlintDoesNotKnow);

        Assert.True(result.ExitCode == 0, $"actionlint found problems in .github/workflows/release.yml:\n{result.Output}");
        Assert.Contains("0 finding(s) in 1 file(s)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Actionlint_reports_a_broken_workflow()
    {
        var broken = ReleaseWorkflowGenerator.Generate(SampleProjects.Config("go"), SampleProjects.CrossdockVersion)
            .Replace("needs: publish-to-testpypi", "needs: publish-to-test-pypi", StringComparison.Ordinal)
            .Replace("${{ matrix.target }}", "${{ matrix.triple }}", StringComparison.Ordinal);

        var result = Actionlint.Run(broken, LabelsActionlintDoesNotKnow);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[job-needs]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("property \"triple\" is not defined", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_only_finding_without_the_declared_label_is_that_label()
    {
        var workflow = ReleaseWorkflowGenerator.Generate(SampleProjects.Config("rust-win-arm64"), SampleProjects.CrossdockVersion);

        var result = Actionlint.Run(workflow, []);

        Assert.Equal(1, result.ExitCode);
        var findings = result.Stdout.Split('\n').Where(l => Regex.IsMatch(l, @"^\S+\.yml:[0-9]+:[0-9]+: ")).ToList();
        Assert.Single(findings);
        Assert.Contains($"label \"{HostedRunners.WindowsArm64}\" is unknown", findings[0], StringComparison.Ordinal);
    }
}
