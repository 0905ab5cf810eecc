using Crossdock.Config;
using Crossdock.Tests.Support;
using Crossdock.Workflow;

namespace Crossdock.Tests.Workflow;

/// <summary>The GitHub Release part of the generated workflow: archives uploaded, attestations, and the release job.</summary>
public sealed class GithubReleaseJobTests
{
    private static WorkflowDocument Generate(string sample) =>
        new(ReleaseWorkflowGenerator.Generate(SampleProjects.Config(sample), SampleProjects.CrossdockVersion));

    [Fact]
    public void Release_job_creates_a_draft_for_the_pushed_tag_uploads_only_what_is_missing_and_never_clobbers()
    {
        var workflow = Generate("rust");
        var script = workflow.Steps("publish-to-github").Select(s => WorkflowDocument.String(s, "run")).OfType<string>().Single();

        Assert.Contains("gh release create \"$TAG\" --verify-tag --draft", script, StringComparison.Ordinal);
        Assert.DoesNotContain("--clobber", script, StringComparison.Ordinal);
        Assert.Contains("already on the release", script, StringComparison.Ordinal);
        Assert.Contains("gh release edit \"$TAG\" --draft=false", script, StringComparison.Ordinal);
        Assert.Contains("*.tar.gz *.zip *-installer.sh *-installer.ps1 sha256.sum dist-manifest.json", script, StringComparison.Ordinal);
        // Values reach the script through env, never ${{ }} inside it (a tag name is user input).
        Assert.DoesNotContain("${{", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_job_that_makes_packages_attests_them_and_PyPI_attestations_stay_on()
    {
        var workflow = Generate("rust");

        var build = workflow.Uses("build", "actions/attest-build-provenance").Single();
        Assert.Equal("dist/pypi/*.whl\ndist/npm/*.tgz\ndist/github/*\n", build["subject-path"]);
        Assert.Equal("dist/github/sha256.sum", workflow.Uses("generate-npm-packages", "actions/attest-build-provenance").Single()["subject-checksums"]);
        Assert.All(workflow.Uses("publish-to-testpypi", "pypa/gh-action-pypi-publish").Concat(workflow.Uses("publish-to-pypi", "pypa/gh-action-pypi-publish")),
            step => Assert.Equal("true", step["attestations"]));
    }

    [Fact]
    public void Assemble_writes_the_installers_for_the_repository_and_tag_the_run_releases()
    {
        var run = Generate("go").Steps("generate-npm-packages").Select(s => WorkflowDocument.String(s, "run")).OfType<string>().Single(r => r.StartsWith("crossdock assemble", StringComparison.Ordinal));

        Assert.Equal("crossdock assemble --out dist --version \"$VERSION\" --github-repository \"$GITHUB_REPOSITORY\" --github-tag \"v$VERSION\"", run);
    }

    [Fact]
    public void Without_archives_there_is_no_release_job_but_the_packages_are_still_attested()
    {
        using var dir = new TempDir();
        var path = dir.Write("crossdock.toml", SampleProjects.All["go"] + "\n[github]\narchives = false\n");
        var text = ReleaseWorkflowGenerator.Generate(ConfigLoader.Load(path), SampleProjects.CrossdockVersion);
        var workflow = new WorkflowDocument(text);

        Assert.DoesNotContain("publish-to-github", workflow.JobNames);
        Assert.DoesNotContain("dist/github", text, StringComparison.Ordinal);
        Assert.Equal("dist/pypi/*.whl\ndist/npm/*.tgz\n", workflow.Uses("build", "actions/attest-build-provenance").Single()["subject-path"]);
        var result = Actionlint.Run(text, []);
        Assert.True(result.ExitCode == 0, result.Output);
    }
}
