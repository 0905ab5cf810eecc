using System.Text;
using Crossdock.Channels.Pypi;
using Crossdock.Config;
using Crossdock.Core;
using Crossdock.Core.Targets;
using Crossdock.Tests.Support;
using CsCheck;

namespace Crossdock.Tests.Properties;

/// <summary>
/// Names crossdock accepts or makes must be valid where they go: every npm name it accepts (and every platform
/// package name made from one) passes npm's own validate-npm-package-name for a new package, and every wheel
/// filename it writes is read back by packaging.utils.parse_wheel_filename as the same name, version and tags.
/// </summary>
public sealed class NamePropertyTests
{
    private const string NpmCharacters = "abcz019-._~!*()'@/ ABZ%";

    /// <summary>Name-like strings: mostly npm's alphabet, with the characters npm refuses and core module names mixed in.</summary>
    private static readonly Gen<string> NpmCandidates = Gen.Frequency(
        (6, Gen.String[Gen.Char[NpmCharacters], 1, 24]),
        (2, Gen.Select(Gen.String[Gen.Char["abc-~_."], 1, 8], Gen.String[Gen.Char["abc-.~_!"], 1, 12], (scope, name) => $"@{scope}/{name}")),
        (1, Gen.Int[0, 3].Select(i => new[] { "http", "fs", "node_modules", "favicon.ico" }[i])),
        (1, Gen.Int[200, 230].Select(n => new string('a', n))));

    [Fact]
    public void Every_npm_name_crossdock_accepts_is_valid_for_a_new_npm_package()
    {
        Gen.Select(NpmCandidates.Array[800, 800], Gen.String[Gen.Char["abcdefghij0123456789-"], 1, 12].Array[200, 200]).Sample((candidates, bases) =>
        {
            // The names crossdock makes: platform packages, for every target, from names it accepted.
            var accepted = candidates.Where(n => ProjectNames.NpmNameProblem(n) is null).ToList();
            var made = accepted.Concat(bases.Where(b => ProjectNames.NpmNameProblem(b) is null))
                .SelectMany(n => TargetTable.All.Select(t => new NpmConfig(n, "{name}-{suffix}").PlatformPackageName(t)))
                .Where(n => ProjectNames.NpmNameProblem(n) is null);
            var names = candidates.Concat(made).Distinct().ToArray();
            var valid = RealChecks.RunNode<List<bool>>("""
                const validate = require('validate-npm-package-name');
                const names = JSON.parse(require('fs').readFileSync(0, 'utf8'));
                console.log(JSON.stringify(names.map(n => validate(n).validForNewPackages)));
                """, names, "validate-npm-package-name");
            for (var i = 0; i < names.Length; i++)
            {
                var problem = ProjectNames.NpmNameProblem(names[i]);
                if (problem is null) Assert.True(valid[i], $"crossdock accepts '{names[i]}', npm refuses it for a new package");
            }
            Assert.True(accepted.Count > 50, "the generator should give many valid names");
        }, iter: 1, threads: 1);
    }

    [Fact]
    public void A_config_whose_platform_package_names_npm_would_refuse_is_refused()
    {
        // 200 characters pass on their own, but "-linux-arm-gnueabihf" would take some platform package past 214.
        var name = new string('a', 200);
        var error = Assert.Throws<CrossdockException>(() => ConfigLoader.Parse("crossdock.toml", $"[package]\nname = \"{name}\"\nversion = \"1.0.0\"\n"));
        Assert.Contains("platform-package", error.Message, StringComparison.Ordinal);
    }

    private static readonly Gen<string> PypiNames =
        Gen.String[Gen.Char["abcXYZ019-_."], 1, 30].Where(ProjectNames.IsValidPypiName);

    private static readonly string[] Platforms =
    [
        "manylinux_2_17_x86_64", "manylinux2014_x86_64", "musllinux_1_2_aarch64", "macosx_11_0_arm64",
        "macosx_10_12_x86_64", "macosx_10_12_universal2", "win_amd64", "win_arm64", "manylinux_2_31_riscv64",
    ];

    private sealed record ParsedWheel(string? Error, string Name, string Version, List<string> Tags);

    [Fact]
    public void Every_wheel_filename_crossdock_writes_parses_back_with_packaging()
    {
        var tagSets = Gen.Int[0, Platforms.Length - 1].ArrayUnique[1, 4].Select(ix => new PlatformTagSet(ix.Select(i => Platforms[i])));
        Gen.Select(PypiNames, VersionPropertyTests.Versions, tagSets).Array[400, 400].Sample(cases =>
        {
            var wheels = cases.Select(c => (c.Item1, c.Item2, Tag: WheelTag.ForExecutable(c.Item3), File: WheelNames.FileName(c.Item1, c.Item2, WheelTag.ForExecutable(c.Item3)))).ToArray();
            var parsed = RealChecks.RunPython<List<ParsedWheel>>("""
                import json, sys
                from packaging.utils import parse_wheel_filename
                out = []
                for name in json.load(sys.stdin):
                    try:
                        dist, version, build, tags = parse_wheel_filename(name)
                        out.append({"Error": None, "Name": dist, "Version": str(version), "Tags": sorted(str(t) for t in tags)})
                    except Exception as e:
                        out.append({"Error": str(e), "Name": "", "Version": "", "Tags": []})
                print(json.dumps(out))
                """, wheels.Select(w => w.File));
            for (var i = 0; i < wheels.Length; i++)
            {
                var (name, version, tag, file) = wheels[i];
                Assert.True(parsed[i].Error is null, $"packaging refuses {file}: {parsed[i].Error}");
                Assert.Equal(ProjectNames.NormalizePypi(name), parsed[i].Name);
                Assert.Equal(version.Pep440, parsed[i].Version);
                Assert.Equal(tag.Expanded.Order(StringComparer.Ordinal), parsed[i].Tags);
                Assert.Equal((ProjectNames.WheelDistName(name), version.Pep440, "py3", "none", tag.Platform.Compressed), WheelNames.Parse(file));
            }
        }, iter: 1, threads: 1);
    }
}
