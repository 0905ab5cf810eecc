using Crossdock.Tests.Release;
using Crossdock.Tests.Support;

namespace Crossdock.Tests.Channels.Pypi;

/// <summary>
/// A two-command wheel and its Python package, with real pip: both commands land on PATH and run, <c>find_bin()</c>
/// finds them for every install scheme (venv, <c>--user</c> from a <c>--system-site-packages</c> venv, <c>--target</c>,
/// <c>--prefix</c>), and a project's own package from <c>[pypi] python-source</c> ships beside the executables.
/// </summary>
public sealed class PythonPackageTests : IDisposable
{
    private readonly PackedRelease _release = new(SeveralCommandsTests.Config.Replace(", \"x86_64-pc-windows-msvc\"", "", StringComparison.Ordinal));

    public void Dispose() => _release.Dispose();

    private string PackedWheel(PackedRelease release)
    {
        var build = SeveralCommandsTests.BuildOutput(release.Dir, "build", "host-gnu");
        CrossdockRunner.RunOk("pack", "--config", release.ConfigPath, "--out", release.Out, "--target", "x86_64-unknown-linux-gnu", build);
        return release.Wheel("x86_64");
    }

    [Fact]
    public void Both_commands_install_on_PATH_and_run_as_themselves()
    {
        var wheel = PackedWheel(_release);
        var venv = Python.CreateVenv(_release.Dir["venv"]);

        var install = Python.Pip(venv, "install", "--no-index", wheel);

        Assert.True(install.ExitCode == 0, install.Output);
        Assert.Equal("mytool\n", ProcessRunner.RunOk(Python.VenvBin(venv, "mytool"), ["name"]).Stdout);
        Assert.Equal("mt\n", ProcessRunner.RunOk(Python.VenvBin(venv, "mt"), ["name"]).Stdout);
        Assert.Equal("argc=1\n[x]\n", ProcessRunner.RunOk(Python.VenvBin(venv, "python"), ["-m", "my_tool", "x"]).Stdout);
        var found = ProcessRunner.RunOk(Python.VenvBin(venv, "python"), ["-c", "import my_tool; print(my_tool.find_bin()); print(my_tool.find_bin('mt'))"]).Stdout;
        Assert.Equal($"{Python.VenvBin(venv, "mytool")}\n{Python.VenvBin(venv, "mt")}\n", found);
    }

    [Theory]
    [InlineData("--user")]
    [InlineData("--target")]
    [InlineData("--prefix")]
    public void Find_bin_returns_an_executable_that_runs_for_every_install_scheme(string scheme)
    {
        var wheel = PackedWheel(_release);
        // --user is refused in a plain venv; a --system-site-packages venv sees the user site, as users' setups do.
        var venv = _release.Dir["venv"];
        ProcessRunner.RunOk(Tools.Require("python3"), ["-m", "venv", "--system-site-packages", venv]);
        var place = _release.Dir["installed"];
        var environment = new Dictionary<string, string?>(Python.PipEnvironment) { ["PYTHONUSERBASE"] = place, ["PYTHONNOUSERSITE"] = null };
        var args = scheme == "--user" ? ["install", "--no-index", "--user", wheel] : new[] { "install", "--no-index", scheme, place, wheel };
        var install = ProcessRunner.Run(Python.VenvBin(venv, "python"), ["-m", "pip", .. args], environment: environment);
        Assert.True(install.ExitCode == 0, install.Output);
        if (scheme != "--user")
        {
            // --target and --prefix folders are not on sys.path by themselves: point Python at the package.
            environment["PYTHONPATH"] = Directory.GetDirectories(place, "my_tool", SearchOption.AllDirectories).Select(Path.GetDirectoryName).Single();
        }

        var found = ProcessRunner.RunOk(Python.VenvBin(venv, "python"), ["-c", "from my_tool import find_bin; print(find_bin('mt'))"], environment: environment).Stdout.Trim();

        Assert.StartsWith(place, found, StringComparison.Ordinal);
        Assert.Equal("mt\n", ProcessRunner.RunOk(found, ["name"]).Stdout);
        Assert.Equal("argc=1\n[y]\n", ProcessRunner.RunOk(Python.VenvBin(venv, "python"), ["-m", "my_tool", "y"], environment: environment).Stdout);
    }

    [Fact]
    public void Find_bin_says_where_it_looked_when_the_executable_is_gone()
    {
        var wheel = PackedWheel(_release);
        var venv = Python.CreateVenv(_release.Dir["venv"]);
        Assert.Equal(0, Python.Pip(venv, "install", "--no-index", wheel).ExitCode);
        File.Delete(Python.VenvBin(venv, "mt"));

        var result = ProcessRunner.Run(Python.VenvBin(venv, "python"), ["-c", "from my_tool import find_bin; find_bin('mt')"], environment: new Dictionary<string, string?> { ["PATH"] = "/nonexistent" });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FileNotFoundError: mt: the executable installed by my-tool was not found (looked at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_projects_own_package_ships_beside_the_executables_with_its_own_main()
    {
        _release.Dir.Write("python/my_tool/__init__.py", "from my_tool._find_bin import find_bin\n\nGREETING = \"hello from the project\"\n");
        _release.Dir.Write("python/my_tool/__main__.py", "import sys\nfrom my_tool import GREETING, find_bin\nprint(GREETING, sys.argv[1:])\n");
        _release.Dir.Write("python/my_tool/py.typed", "");
        _release.Dir.Write("python/my_tool/data/words.txt", "one\ntwo\n");
        _release.Dir.Write("python/my_tool/__pycache__/stale.cpython-311.pyc", "not shipped");
        _release.Dir.Write("python/helpers.py", "def double(x):\n    return 2 * x\n");
        File.AppendAllText(_release.ConfigPath, "\n[pypi]\npython-source = \"python\"\n");
        var wheel = PackedWheel(_release);
        var venv = Python.CreateVenv(_release.Dir["venv"]);

        Assert.Equal(0, Python.Pip(venv, "install", "--no-index", wheel).ExitCode);
        var python = Python.VenvBin(venv, "python");

        Assert.Equal("hello from the project ['a']\n", ProcessRunner.RunOk(python, ["-m", "my_tool", "a"]).Stdout);
        var script = "import my_tool, helpers, importlib.resources as r; print(my_tool.GREETING, helpers.double(21), r.files('my_tool').joinpath('data/words.txt').read_text().split(), my_tool.find_bin('mt'))";
        Assert.Equal($"hello from the project 42 ['one', 'two'] {Python.VenvBin(venv, "mt")}\n", ProcessRunner.RunOk(python, ["-c", script]).Stdout);
        var site = ProcessRunner.RunOk(python, ["-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).Stdout.Trim();
        Assert.True(File.Exists(Path.Combine(site, "my_tool", "py.typed")));
        Assert.False(File.Exists(Path.Combine(site, "my_tool", "__pycache__", "stale.cpython-311.pyc")));

        CrossdockRunner.RunOk("verify", "--config", _release.ConfigPath, "--only", "pypi", _release.Out);
        File.AppendAllText(_release.Dir["python/helpers.py"], "# changed after packing\n");
        var verify = CrossdockRunner.Run("verify", "--config", _release.ConfigPath, "--only", "pypi", _release.Out);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"python-source: helpers.py differs from {_release.Dir["python/helpers.py"]}", verify.Stdout, StringComparison.Ordinal);
    }
}
