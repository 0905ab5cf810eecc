using System.Text.RegularExpressions;
using Crossdock.Cli;
using Crossdock.Cli.Completions;
using Crossdock.Core;
using Crossdock.Core.Targets;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Cli;

/// <summary>
/// The completion scripts, loaded into the real shells and asked what they complete: bash in an interactive
/// <c>bash -i</c> calling the completion function, zsh through its line editor in a pseudo-terminal (zpty),
/// fish with <c>complete -C</c>, PowerShell with <c>TabExpansion2</c>.
/// </summary>
public sealed partial class CompletionsTests
{
    /// <summary>What <c>crossdock pack --target x86_64-</c> must offer: every x86_64 triple of the table.</summary>
    private static readonly string[] X64Triples = [.. TargetTable.All.Select(t => t.Triple).Where(t => t.StartsWith("x86_64-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    [InlineData("powershell")]
    public void Each_script_matches_its_golden_file_and_the_command_prints_it(string shell)
    {
        var file = shell switch { "zsh" => "_crossdock", "powershell" => "crossdock.ps1", _ => $"crossdock.{shell}" };
        Golden.Match($"completions/{file}", Script(shell, "VERSION"));
        Assert.Equal(Script(shell, CrossdockVersion.Current), CrossdockRunner.RunOk("completions", shell).Stdout);
    }

    /// <summary>
    /// Lines typed so far (a trailing space: the cursor is on a new, empty word) and what each shell must offer,
    /// in any order: triples, subcommands, option names, fixed values, and an option's value ("pack" after --out)
    /// that must not be taken for a subcommand.
    /// </summary>
    private static readonly (string Line, string[] Offered)[] Cases =
    [
        ("crossdock pack --target x86_64-", X64Triples),
        ("crossdock pu", ["publish"]),
        ("crossdock publish ", ["npm", "pypi", "nuget"]),
        ("crossdock publish npm --provenance --re", ["--registry"]),
        ("crossdock verify --only ", ["github", "npm", "pypi", "nuget"]),
        ("crossdock pack --out pack --j", ["--jobs", "--json"]),
        ("crossdock completions ", ["bash", "fish", "powershell", "zsh"]),
    ];

    [Fact]
    public void Bash_completes_target_triples_commands_and_options_in_an_interactive_bash()
    {
        using var dir = new TempDir();
        var script = dir.Write("crossdock.bash", Script("bash", CrossdockVersion.Current));
        // readline hands the function the line's words and the cursor's word; bash splits "--target=x" at '='.
        var asks = Cases.Select(c => c.Line).Append("crossdock pack --target = x86_64-")
            .Select(line => "ask " + string.Join(' ', line.Split(' ').Select(w => w.Length == 0 ? "\"\"" : w)));
        var driver = dir.Write("driver.bash", $$"""
            source "$1"
            complete -p crossdock
            ask() {
                COMP_WORDS=("$@")
                COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
                COMPREPLY=()
                _crossdock
                echo "$*|${COMPREPLY[*]}"
            }
            {{string.Join("\n", asks)}}
            """);

        var result = ProcessRunner.RunOk(Shells.Bash, ["--norc", "--noprofile", "-i", driver, script], dir.Path);

        Assert.Contains("complete -o bashdefault -o default -F _crossdock crossdock", result.Stdout, StringComparison.Ordinal);
        var answers = Answers(result.Stdout);
        AssertOffered(answers);
        Assert.Equal(X64Triples, answers["crossdock pack --target = x86_64-"]);
    }

    [Fact]
    public void Bash_script_passes_shellcheck()
    {
        using var dir = new TempDir();
        var script = dir.Write("crossdock.bash", Script("bash", CrossdockVersion.Current));

        ProcessRunner.RunOk(Shells.Shellcheck, ["--shell=bash", script]);
    }

    [Fact]
    public void Zsh_completes_target_triples_in_its_line_editor()
    {
        using var dir = new TempDir();
        var script = dir.Write("_crossdock", Script("zsh", CrossdockVersion.Current));
        ProcessRunner.RunOk(Shells.Zsh, ["-n", script]);
        // An interactive zsh in a pseudo-terminal, with compinit and the script loaded, is sent the line and a TAB;
        // what it lists is read back from the terminal.
        var driver = dir.Write("driver.zsh", """
            zmodload zsh/zpty
            typeset -F SECONDS
            zpty shell zsh -f -i
            zpty -w shell "PS1='> '; autoload -Uz compinit; compinit -u -D; source ${(q)1}; print RE''ADY"
            zpty -r shell line '*READY*'
            zpty -w -n shell "$2"$'\t'
            output='' quiet=0 deadline=$((SECONDS + 20))
            while (( SECONDS < deadline && quiet < 15 )); do
              if zpty -r -t shell chunk; then output+=$chunk; quiet=0; else sleep 0.1; (( quiet++ )); fi
            done
            zpty -d shell
            print -r -- "$output"
            """);

        var targets = ProcessRunner.RunOk(Shells.Zsh, ["-f", driver, script, "crossdock pack --target x86_64-"], dir.Path, timeout: TimeSpan.FromMinutes(1));
        var commands = ProcessRunner.RunOk(Shells.Zsh, ["-f", driver, script, "crossdock publish np"], dir.Path, timeout: TimeSpan.FromMinutes(1));

        Assert.Equal(X64Triples, X64Triple().Matches(targets.Stdout).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains("crossdock publish npm", commands.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Fish_completes_target_triples_commands_and_options()
    {
        using var dir = new TempDir();
        var script = dir.Write("crossdock.fish", Script("fish", CrossdockVersion.Current));
        ProcessRunner.RunOk(Shells.Fish, ["--no-execute", script]);

        var answers = Cases.ToDictionary(c => c.Line, c => ProcessRunner.RunOk(Shells.Fish, ["--no-config", "-c", "source $argv[1]; complete --do-complete=$argv[2]", script, c.Line], dir.Path)
            .Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]).Order(StringComparer.Ordinal).ToArray());

        AssertOffered(answers);
    }

    [Fact]
    public void PowerShell_completes_target_triples_commands_and_options()
    {
        using var dir = new TempDir();
        var script = dir.Write("crossdock.ps1", Script("powershell", CrossdockVersion.Current));
        var driver = dir.Write("driver.ps1", """
            param($Script, $LinesFile)
            . $Script
            foreach ($line in Get-Content $LinesFile) {
                $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
                "$line|" + (($found | ForEach-Object CompletionText) -join ' ')
            }
            """);
        var linesFile = dir.Write("lines.txt", string.Join('\n', Cases.Select(c => c.Line)) + "\n");

        var result = ProcessRunner.RunOk(Shells.Pwsh, ["-NoProfile", "-NonInteractive", "-File", driver, "-Script", script, "-LinesFile", linesFile], dir.Path);

        AssertOffered(Answers(result.Stdout));
    }

    [Fact]
    public void Every_command_and_option_of_the_tree_is_in_every_script()
    {
        var tree = CompletionCommand.From(CrossdockCli.Build(CliContext.Captured(TextWriter.Null, TextWriter.Null)));
        foreach (var shell in CompletionScripts.Shells)
        {
            var script = Script(shell, "VERSION");
            foreach (var command in tree.SelfAndDescendants())
            {
                Assert.Contains(command.Name, script, StringComparison.Ordinal);
                foreach (var name in command.Options.SelectMany(o => o.Names))
                {
                    Assert.Contains(name.TrimStart('-'), script, StringComparison.Ordinal);
                }
            }
        }
    }

    private static string Script(string shell, string version) =>
        CompletionScripts.For(shell, CrossdockCli.Build(CliContext.Captured(TextWriter.Null, TextWriter.Null)), version);

    /// <summary>"line|offered words" lines printed by a driver, by line, the words sorted.</summary>
    private static Dictionary<string, string[]> Answers(string output) =>
        output.Split('\n').Where(l => l.Contains('|', StringComparison.Ordinal) && l.StartsWith("crossdock", StringComparison.Ordinal))
            .Select(l => l.TrimEnd('\r').Split('|', 2))
            .ToDictionary(p => p[0], p => p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray());

    private static void AssertOffered(Dictionary<string, string[]> answers)
    {
        foreach (var (line, offered) in Cases)
        {
            Assert.True(answers.TryGetValue(line, out var answer), $"no answer for '{line}'");
            Assert.Equal(offered.Order(StringComparer.Ordinal), answer);
        }
    }

    [GeneratedRegex(@"x86_64-[a-z0-9_]+(?:-[a-z0-9_]+)+")]
    private static partial Regex X64Triple();
}
