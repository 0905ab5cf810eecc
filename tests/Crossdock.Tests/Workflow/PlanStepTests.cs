using Crossdock.Tests.Support;
using Crossdock.Workflow;

namespace Crossdock.Tests.Workflow;

/// <summary>The plan job's script, run with real bash and python3 the way a GitHub runner runs it.</summary>
public sealed class PlanStepTests
{
    private static ProcessResult RunPlan(string? configuredVersion, string refType, string refName, out IReadOnlyDictionary<string, string> outputs)
    {
        var bash = Tools.Require("bash");
        Tools.Require("python3");
        var plan = new WorkflowDocument(ReleaseWorkflowGenerator.Generate(SampleProjects.Config("go"), SampleProjects.CrossdockVersion)).Steps("plan")[1];
        using var repository = new TempDir();
        repository.Write("crossdock.toml", "[package]\nname = \"gotool\"\n" + (configuredVersion is null ? "" : $"version = \"{configuredVersion}\"\n"));
        var outputFile = repository.Write("github-output", "");
        var script = repository.Write("plan.sh", WorkflowDocument.String(plan, "run")!);

        // GitHub runs a bash step as: bash --noprofile --norc -eo pipefail FILE
        var result = ProcessRunner.Run(bash, ["--noprofile", "--norc", "-eo", "pipefail", script], repository.Path,
            new Dictionary<string, string?> { ["REF_TYPE"] = refType, ["REF_NAME"] = refName, ["GITHUB_OUTPUT"] = outputFile });
        outputs = File.ReadAllLines(outputFile).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return result;
    }

    [Fact]
    public void A_tag_matching_the_configured_version_is_released_as_latest()
    {
        var result = RunPlan("1.4.2", "tag", "v1.4.2", out var outputs);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new Dictionary<string, string> { ["version"] = "1.4.2", ["npm-tag"] = "latest" }, outputs);
    }

    [Fact]
    public void A_pre_release_goes_to_the_next_dist_tag()
    {
        RunPlan("2.0.0-rc.1", "tag", "v2.0.0-rc.1", out var outputs);

        Assert.Equal("next", outputs["npm-tag"]);
    }

    [Fact]
    public void A_tag_that_differs_from_the_configured_version_fails_the_release()
    {
        var result = RunPlan("1.4.2", "tag", "v1.4.3", out var outputs);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("::error file=crossdock.toml::tag v1.4.3 does not match [package] version = \"1.4.2\"", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(outputs);
    }

    [Theory]
    [InlineData("1.2.0b1", "v1.2.0-beta.1")]
    [InlineData("1.2.0-rc.2", "v1.2.0rc2")]
    [InlineData("3.0.0a1", "v3.0.0-alpha.1")]
    public void Semver_and_PEP_440_spellings_of_one_version_match(string configured, string tag)
    {
        var result = RunPlan(configured, "tag", tag, out var outputs);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("next", outputs["npm-tag"]);
    }

    [Fact]
    public void Without_a_configured_version_the_tag_is_the_version()
    {
        RunPlan(null, "tag", "v0.7.0", out var outputs);

        Assert.Equal("0.7.0", outputs["version"]);
    }

    [Fact]
    public void A_manual_run_on_a_branch_uses_the_configured_version()
    {
        RunPlan("1.4.2", "branch", "main", out var outputs);

        Assert.Equal("1.4.2", outputs["version"]);
    }

    [Fact]
    public void A_tag_without_the_v_prefix_is_refused()
    {
        var result = RunPlan("1.4.2", "tag", "1.4.2", out _);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("release tags are v<version>", result.Stdout, StringComparison.Ordinal);
    }
}
