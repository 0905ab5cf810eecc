using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using Crossdock.Cli;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Cli;

/// <summary>The command line a newcomer meets: usage errors, help, the examples it ends with, and the hints errors give.</summary>
public sealed partial class CommandLineTests
{
    private static readonly string[] WorkflowOrder = ["init", "inspect", "pack", "assemble", "verify", "publish", "generate", "targets", "completions"];

    [Theory]
    [InlineData("packk", "crossdock: unknown command 'packk' (did you mean 'pack'?)")]
    [InlineData("gen github", "crossdock: unknown command 'gen' (did you mean 'generate'?)")]
    [InlineData("deploy", "crossdock: unknown command 'deploy' (see 'crossdock --help')")]
    [InlineData("publish npmm", "crossdock: unknown command 'npmm' for 'crossdock publish' (did you mean 'npm'?)")]
    [InlineData("pack --targte x86_64 mytool", "crossdock: unknown option '--targte' for 'crossdock pack' (did you mean '--target'?)")]
    [InlineData("verify --dry-run", "crossdock: unknown option '--dry-run' for 'crossdock verify' (see 'crossdock verify --help')")]
    [InlineData("assemble --allow-mising", "crossdock: unknown option '--allow-mising' for 'crossdock assemble' (did you mean '--allow-missing'?)")]
    [InlineData("assemble extra", "crossdock: unexpected argument 'extra' for 'crossdock assemble' (see 'crossdock assemble --help')")]
    [InlineData("verify --only pipy", "crossdock: --only: 'pipy' is not one of pypi, npm, github, nuget (did you mean 'pypi'?)")]
    [InlineData("pack --static-linux-tags all mytool", "crossdock: --static-linux-tags: 'all' is not one of target, both (see 'crossdock pack --help')")]
    [InlineData("pack --jobs many mytool", "crossdock: --jobs: 'many' is not a whole number")]
    [InlineData("pack --jobs", "crossdock: --jobs needs a value (see 'crossdock pack --help')")]
    [InlineData("pack", "crossdock: missing BINARY: Per-platform executables built by the CI matrix, or the folders that hold each target's commands (see 'crossdock pack --help')")]
    [InlineData("pack --target foo-bar mytool", "crossdock: --target foo-bar: not a supported target; 'crossdock targets' lists them")]
    [InlineData("completions nushell", "crossdock: SHELL: 'nushell' is not one of bash, zsh, fish, powershell (see 'crossdock completions --help')")]
    [InlineData("completions ksh", "crossdock: SHELL: 'ksh' is not one of bash, zsh, fish, powershell (did you mean 'zsh'?)")]
    [InlineData("packk --help", "crossdock: unknown command 'packk' (did you mean 'pack'?)")]
    public void A_usage_error_is_one_line_with_the_closest_match_and_exit_2(string line, string expected)
    {
        var result = CrossdockRunner.Run(line.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(expected + "\n", result.Stderr);
    }

    [Fact]
    public void A_mistyped_target_triple_names_the_one_meant_before_any_file_is_read()
    {
        var triple = Crossdock.Core.Targets.TargetTable.Defaults[0].Triple;
        var typo = triple.Replace("gnu", "gun", StringComparison.Ordinal);

        var result = CrossdockRunner.Run("pack", "--config", "/nonexistent/crossdock.toml", "--target", typo, "/nonexistent/mytool");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"crossdock: --target {typo}: not a supported target (did you mean '{triple}'?); 'crossdock targets' lists them\n", result.Stderr);
    }

    [Fact]
    public void Crossdock_alone_prints_the_help_on_stderr_and_exits_2_and_help_exits_0()
    {
        var alone = CrossdockRunner.Run();
        var help = CrossdockRunner.Run("--help");

        Assert.Equal(2, alone.ExitCode);
        Assert.Equal("", alone.Stdout);
        Assert.Equal(0, help.ExitCode);
        Assert.Equal("", help.Stderr);
        Assert.StartsWith("Description:", help.Stdout, StringComparison.Ordinal);
        Assert.Equal(help.Stdout, alone.Stderr);
    }

    [Theory]
    [InlineData("help", "--help")]
    [InlineData("help publish npm", "publish npm --help")]
    public void Help_before_a_command_is_its_help_as_in_git_and_cargo(string line, string same)
    {
        var result = CrossdockRunner.RunOk(line.Split(' '));

        Assert.Equal(CrossdockRunner.RunOk(same.Split(' ')).Stdout, result.Stdout);
    }

    [Fact]
    public void Help_for_a_command_that_does_not_exist_is_a_usage_error() =>
        Assert.Equal("crossdock: unknown command 'packk' (did you mean 'pack'?)\n", CrossdockRunner.Run("help", "packk").Stderr);

    [Theory]
    [InlineData("publish")]
    [InlineData("generate")]
    public void A_command_that_groups_others_prints_its_help_when_given_none(string command)
    {
        var alone = CrossdockRunner.Run(command);

        Assert.Equal(2, alone.ExitCode);
        Assert.Equal(CrossdockRunner.RunOk(command, "--help").Stdout, alone.Stderr);
        Assert.Contains($"Usage:\n  crossdock {command} [command] [options]", alone.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_root_help_lists_the_commands_in_workflow_order_one_line_each()
    {
        var help = CrossdockRunner.RunOk("--help").Stdout;

        var commands = help[(help.IndexOf("Commands:\n", StringComparison.Ordinal) + "Commands:\n".Length)..];
        var lines = commands[..commands.IndexOf("\n\n", StringComparison.Ordinal)].Split('\n');
        Assert.Equal(WorkflowOrder, lines.Select(l => l.Trim().Split(' ')[0]));
        // One line each on an 80-column terminal, the narrowest one help should fit.
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"longer than 80 columns: {line}"));
    }

    [Fact]
    public void Every_command_has_two_or_three_examples_at_the_end_of_its_help()
    {
        foreach (var command in AllCommands())
        {
            var key = HelpExamples.Key(command);
            var help = CrossdockRunner.RunOk([.. Words(key), "--help"]).Stdout;

            Assert.True(HelpExamples.ByCommand.TryGetValue(key, out var examples), $"'crossdock {key}' has no examples");
            Assert.InRange(examples.Length, 2, 3);
            var section = help[help.LastIndexOf("Examples:\n", StringComparison.Ordinal)..];
            Assert.Equal(string.Concat(examples.Select(e => $"  # {e.Purpose}\n  {e.CommandLine}\n")), section["Examples:\n".Length..^1]);
        }
        Assert.Equal(AllCommands().Select(HelpExamples.Key).Order(StringComparer.Ordinal), HelpExamples.ByCommand.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_example_is_a_command_line_crossdock_accepts()
    {
        var root = CrossdockCli.Build(CliContext.Captured(TextWriter.Null, TextWriter.Null));
        foreach (var (key, examples) in HelpExamples.ByCommand)
        {
            foreach (var example in examples)
            {
                var invocations = CrossdockInvocations(example.CommandLine).ToList();
                Assert.NotEmpty(invocations);
                foreach (var words in invocations)
                {
                    var parse = root.Parse(words);
                    Assert.True(UsageErrors.Describe(parse) is null && !UsageErrors.NeedsSubcommand(parse),
                        $"example of '{key}' does not parse: {example.CommandLine}: {UsageErrors.Describe(parse)}");
                }
                // The example shows the command whose help it is in, or one below it (the root's may show any).
                Assert.True(key.Length == 0 || invocations.Select(w => HelpExamples.Key(root.Parse(w).CommandResult.Command)).Any(k => k == key || k.StartsWith(key + " ", StringComparison.Ordinal)),
                    $"no part of '{example.CommandLine}' runs 'crossdock {key}'");
            }
        }
    }

    [Fact]
    public void Every_hint_in_the_source_names_a_command_that_exists()
    {
        var hints = HintsInSource().ToList();

        Assert.Contains(hints, h => h.Hint == "crossdock targets");
        Assert.Contains(hints, h => h.Hint == "crossdock pack");
        foreach (var (file, hint) in hints)
        {
            var result = CrossdockRunner.Run([.. Words(hint["crossdock".Length..].Trim()), "--help"]);

            Assert.True(result.ExitCode == 0 && result.Stderr.Length == 0, $"{file}: '{hint}' is not a command: {result.Stderr}");
        }
    }

    [Fact]
    public void No_usage_error_shows_a_dotnet_type_or_spans_lines()
    {
        string[][] lines =
        [
            ["pack", "--jobs", "1.5", "x"], ["pack", "--jobs", "-", "x"], ["verify", "--only"], ["init", "a", "b"],
            ["publish", "npm", "--registry"], ["publish", "pypi", "-r"], ["targets", "extra"], ["completions"],
            ["--version", "extra"], ["inspect"], ["generate", "github", "--check", "--chek"],
        ];
        foreach (var line in lines)
        {
            var result = CrossdockRunner.Run(line);

            Assert.True(result.ExitCode == 2, $"crossdock {string.Join(' ', line)} exited {result.ExitCode}: {result.Output}");
            Assert.Matches(@"^crossdock: [^\n]+\n$", result.Stderr);
            Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
        }
    }

    /// <summary>Every quoted <c>'crossdock …'</c> in src/Crossdock: the commands errors and notes tell users to run.</summary>
    private static IEnumerable<(string File, string Hint)> HintsInSource()
    {
        var source = Repository.PathOf("src", "Crossdock");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal)) continue;
            foreach (Match match in Hint().Matches(File.ReadAllText(file))) yield return (relative, match.Groups[1].Value);
        }
    }

    /// <summary>The crossdock command lines of an example: split at <c>&amp;&amp;</c> and pipes, up to a redirection, as a shell would.</summary>
    private static IEnumerable<string[]> CrossdockInvocations(string commandLine)
    {
        foreach (var part in Regex.Split(commandLine, @"&&|\|"))
        {
            var words = ShellWords(part).TakeWhile(w => !w.StartsWith('>')).ToArray();
            if (words.Length > 0 && words[0] == "crossdock") yield return words[1..];
        }
    }

    /// <summary>Words as a POSIX shell splits them: whitespace outside quotes, quotes removed.</summary>
    private static IEnumerable<string> ShellWords(string text)
    {
        var word = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else word.Append(c);
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) yield return word.ToString();
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord) yield return word.ToString();
    }

    private static IEnumerable<Command> AllCommands()
    {
        var root = CrossdockCli.Build(CliContext.Captured(TextWriter.Null, TextWriter.Null));
        var pending = new Stack<Command>([root]);
        while (pending.TryPop(out var command))
        {
            yield return command;
            foreach (var sub in command.Subcommands) pending.Push(sub);
        }
    }

    private static string[] Words(string path) => path.Length == 0 ? [] : path.Split(' ');

    /// <summary>'crossdock pack', 'crossdock generate github', 'crossdock verify --only pypi': words, then maybe options.</summary>
    [GeneratedRegex(@"'(crossdock(?: [a-z][a-z0-9-]*)+(?: -[^'{}]*)?)'")]
    private static partial Regex Hint();
}
