namespace Crossdock.Workflow;

/// <summary>
/// Every action the release workflow uses, pinned in one place so a bump is one line and one golden-file
/// review. GitHub's own actions/* are pinned to their major release tag (GitHub moves those only within
/// compatible releases, and it is how their documentation uses them); third-party actions to an exact release.
/// The template refers to each as <c>{{action-NAME}}</c>.
/// </summary>
public static class ActionVersions
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["checkout"] = "actions/checkout@v5",
        ["setup-dotnet"] = "actions/setup-dotnet@v5",
        ["setup-go"] = "actions/setup-go@v6",
        ["setup-node"] = "actions/setup-node@v5",
        ["cache"] = "actions/cache@v4",
        // The seed's artifact actions: v4 is where upload and download by name pattern (merge-multiple) agree.
        ["upload-artifact"] = "actions/upload-artifact@v4",
        ["download-artifact"] = "actions/download-artifact@v4",
        ["rust-cache"] = "Swatinem/rust-cache@v2.8.0",
        ["setup-zig"] = "mlugg/setup-zig@v2.0.5",
        ["pypi-publish"] = "pypa/gh-action-pypi-publish@v1.13.0",
        // Since v4 a thin wrapper over actions/attest: SLSA build provenance for every file given.
        ["attest-build-provenance"] = "actions/attest-build-provenance@v4",
    };

    /// <summary>The versions as template values: <c>action-checkout</c> → <c>actions/checkout@v5</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> TemplateValues =>
        All.Select(a => KeyValuePair.Create("action-" + a.Key, a.Value));
}
