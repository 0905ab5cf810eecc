using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Npm;

public sealed class LauncherScriptTests
{
    /// <summary>
    /// Runs the launcher's own node:test suite (tests/launcher), which renders src/Crossdock/Resources/launcher.js
    /// and checks its platform choice over faked machines and, for real, its arguments, stdin, exit codes and signals.
    /// The test files are named one by one (newer Node versions take glob patterns, not a directory, after --test),
    /// and the TAP reporter is asked for by name, because newer Node versions default to another.
    /// </summary>
    [Fact]
    public void Launcher_picks_the_platform_package_and_passes_arguments_exit_codes_and_signals_through()
    {
        var node = Tools.Require("node");
        var tests = Directory.GetFiles(Repository.PathOf("tests", "launcher"), "*.test.js").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(tests);

        var result = ProcessRunner.RunOk(node, ["--test", "--test-reporter=tap", .. tests], Repository.Root, timeout: TimeSpan.FromMinutes(2));

        Assert.Matches(@"(?m)^# fail 0$", result.Stdout);
        Assert.DoesNotMatch(@"(?m)^# pass 0$", result.Stdout);
        // A node test skips itself when a tool it drives is missing (util-linux script); under CI that is a failure.
        if (Tools.InCi) Assert.Matches(@"(?m)^# skipped 0$", result.Stdout);
    }
}
