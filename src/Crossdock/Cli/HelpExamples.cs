using System.CommandLine;
using Crossdock.Core.Targets;

namespace Crossdock.Cli;

/// <summary>One example a command's help ends with: a real command line, and what it is for.</summary>
internal sealed record HelpExample(string CommandLine, string Purpose);

/// <summary>
/// The examples every <c>--help</c> ends with, by command ("" for crossdock itself, "publish npm"): the lines the
/// generated release workflow runs, so a newcomer sees the real use first. A test parses each one, so an example
/// can never show an option that does not exist.
/// </summary>
internal static class HelpExamples
{
    /// <summary>The target the examples pack: the first default one (the table spells triples, nothing else does).</summary>
    private static readonly string Triple = TargetTable.Find(OperatingSystemFamily.Linux, CpuArchitecture.X86_64, Libc.Gnu)!.Triple;

    private static readonly string Binary = $"target/{Triple}/release/mytool";

    public static IReadOnlyDictionary<string, HelpExample[]> ByCommand { get; } = new Dictionary<string, HelpExample[]>(StringComparer.Ordinal)
    {
        [""] =
        [
            new("crossdock init && crossdock generate github", "set up once: crossdock.toml from your manifest, then the release workflow"),
            new($"crossdock pack --target {Triple} {Binary}", "in each build-matrix job: a wheel and an npm package of that job's binary"),
            new("crossdock assemble && crossdock verify && crossdock publish npm --dry-run", "once every job is done: the main npm package, every check, what would be uploaded"),
        ],
        ["init"] =
        [
            new("crossdock init", "read Cargo.toml, go.mod, build.zig.zon, a .csproj, package.json or pyproject.toml here"),
            new("crossdock init ../mytool --force", "another folder, replacing its crossdock.toml"),
        ],
        ["inspect"] =
        [
            new($"crossdock inspect {Binary}", "what the binary is and the tags its packages need"),
            new("crossdock inspect --json dist/bin/*", "the same for many files, as JSON"),
        ],
        ["pack"] =
        [
            new($"crossdock pack --target {Triple} --version \"$VERSION\" --out dist {Binary}", "what each matrix job of the generated workflow runs"),
            new($"crossdock pack --dry-run --target {Triple} {Binary}", "the release plan (names, tags, paths) as JSON, nothing written"),
            new("crossdock pack --static-linux-tags both bin/mytool-linux-x64", "a fully static Linux binary: one wheel for glibc and musl"),
        ],
        ["assemble"] =
        [
            new("crossdock assemble && crossdock verify", "the main npm package from dist/npm, then every check on the release"),
            new("crossdock assemble --allow-missing --version 1.2.0-rc.1", "a pre-release without some platforms"),
            new("crossdock assemble --nuget-framework-dependent dist/bin/any", "a .NET tool: also the NuGet any package, from 'dotnet publish -p:UseAppHost=false -o dist/bin/any'"),
        ],
        ["verify"] =
        [
            new("crossdock verify", "every check PyPI, pip and npm would make on dist/"),
            new("crossdock verify --only pypi --json dist", "only the wheels, as JSON"),
        ],
        ["publish"] =
        [
            new("crossdock publish npm --dry-run", "what would be uploaded to npm, in order, nothing sent"),
            new("crossdock publish pypi --repository testpypi", "the wheels to TestPyPI first"),
        ],
        ["publish npm"] =
        [
            new("crossdock publish npm --dry-run", "verify, preflight against the registry, and list the uploads in order"),
            new("crossdock publish npm --provenance", "in GitHub Actions (id-token: write): platform packages first, the main package last"),
            new("crossdock publish npm --registry http://127.0.0.1:4873/ --tag next", "a local registry (Verdaccio), under the next dist-tag"),
        ],
        ["publish pypi"] =
        [
            new("crossdock publish pypi --dry-run", "verify the wheels and list what would be uploaded"),
            new("crossdock publish pypi --repository testpypi && crossdock publish pypi", "TestPyPI first, then PyPI"),
            new("crossdock publish pypi --skip-existing", "finish an interrupted upload: wheels already there with the same bytes are skipped"),
        ],
        ["publish nuget"] =
        [
            new("crossdock publish nuget --dry-run", "verify the .NET tool packages and list the pushes in order"),
            new("crossdock publish nuget", "with NUGET_API_KEY set: RID packages first, the pointer last; re-run to resume"),
            new("crossdock publish nuget --source http://127.0.0.1:5000/v3/index.json", "a feed on this machine"),
        ],
        ["generate"] =
        [
            new("crossdock generate github", "write .github/workflows/release.yml from crossdock.toml"),
            new("crossdock generate github --check", "in CI: fail when the workflow is not what crossdock.toml generates"),
        ],
        ["generate github"] =
        [
            new("crossdock generate github", "write .github/workflows/release.yml from crossdock.toml"),
            new("crossdock generate github --check", "in CI: fail, with a diff, when the file is stale"),
        ],
        ["targets"] =
        [
            new("crossdock targets", "every target, its names on npm, PyPI, .NET, Zig and Go; configured ones marked"),
            new("crossdock targets --json | jq -r '.targets[] | select(.default) | .triple'", "the default triples, for a build matrix"),
        ],
        ["completions"] =
        [
            new("crossdock completions bash > ~/.local/share/bash-completion/completions/crossdock", "bash (with bash-completion)"),
            new("crossdock completions zsh > \"${fpath[1]}/_crossdock\"", "zsh, in a folder of $fpath"),
            new("crossdock completions fish > ~/.config/fish/completions/crossdock.fish", "fish"),
        ],
    };

    /// <summary>The "Examples:" section for <paramref name="command"/>, after System.CommandLine's own help.</summary>
    public static void Write(TextWriter output, Command command)
    {
        if (!ByCommand.TryGetValue(Key(command), out var examples)) return;
        output.WriteLine("Examples:");
        foreach (var example in examples)
        {
            output.WriteLine($"  # {example.Purpose}");
            output.WriteLine($"  {example.CommandLine}");
        }
        output.WriteLine();
    }

    /// <summary>"publish npm" for <c>crossdock publish npm</c>, "" for the root.</summary>
    public static string Key(Command command) => UsageErrors.Spelled(command)["crossdock".Length..].Trim();
}
