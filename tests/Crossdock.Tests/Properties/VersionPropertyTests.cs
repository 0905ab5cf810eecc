using System.Collections.Immutable;
using System.Text;
using Crossdock.Core;
using Crossdock.Tests.Support;
using CsCheck;

namespace Crossdock.Tests.Properties;

/// <summary>
/// One release has two spellings, PEP 440 for PyPI and semver for npm: generated versions must round-trip through
/// both, PyPI (Python's packaging.version) and npm (npm's semver package) must order any two of them the same
/// way, and every spelling crossdock accepts must mean to packaging what it means to crossdock.
/// </summary>
public sealed class VersionPropertyTests
{
    private static readonly Gen<int> Number = Gen.Frequency((8, Gen.Int[0, 12]), (3, Gen.Int[0, 3000]), (1, Gen.Int[0, int.MaxValue]));

    public static readonly Gen<ReleaseVersion> Versions =
        Gen.Select(Number.Array[1, 3], Gen.Int[0, 3], Gen.Int[0, 3], Number, (release, kind, numbered, number) =>
        {
            PreReleaseKind? pre = kind == 0 ? null : (PreReleaseKind)(kind - 1);
            return new ReleaseVersion([.. release], pre, pre is null || numbered == 0 ? null : number);
        });

    [Fact]
    public void Both_spellings_parse_back_to_themselves()
    {
        Versions.Sample(v =>
        {
            Assert.True(ReleaseVersion.TryParse(v.Pep440, out var fromPep440, out var reason), reason);
            Assert.Equal(v.Pep440, fromPep440.Pep440);
            Assert.True(ReleaseVersion.TryParse(v.Semver, out var fromSemver, out reason), reason);
            Assert.Equal(v.Semver, fromSemver.Semver);
            Assert.True(ReleaseVersion.TryParse($" v{v.Semver.ToUpperInvariant()} ", out var tagged, out reason), reason);
            Assert.Equal(fromSemver.Pep440, tagged.Pep440);
        }, iter: 5000, threads: 1);
    }

    private sealed record PythonVersionResult(List<string> Normal, List<bool> SpellingsEqual, List<int> Order);

    [Fact]
    public void Pypi_and_npm_order_every_pair_the_same_way()
    {
        Gen.Select(Versions.Array[300, 300], Gen.Int[0, 299].Select(Gen.Int[0, 299]).Array[600, 600]).Sample((versions, pairs) =>
        {
            // Neighbours in sorted PEP 440 order make close pairs (same release, different pre-release) frequent.
            var all = pairs.Concat(Enumerable.Range(0, 299).Select(i => (i, i + 1))).ToArray();
            var python = RealChecks.RunPython<PythonVersionResult>("""
                import json, sys
                from packaging.version import Version
                cases = json.load(sys.stdin)
                pep = [Version(v["pep440"]) for v in cases["versions"]]
                print(json.dumps({
                    "Normal": [str(p) for p in pep],
                    "SpellingsEqual": [Version(v["semver"]) == p for v, p in zip(cases["versions"], pep)],
                    "Order": [(pep[a] > pep[b]) - (pep[a] < pep[b]) for a, b in cases["pairs"]],
                }))
                """, new { versions = versions.Select(v => new { pep440 = v.Pep440, semver = v.Semver }), pairs = all.Select(p => new[] { p.Item1, p.Item2 }) });
            var npm = RealChecks.RunNode<List<int>>("""
                const semver = require('semver');
                const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
                const bad = cases.versions.filter(v => semver.valid(v) !== v);
                if (bad.length) { console.error('not valid semver: ' + bad.join(', ')); process.exit(1); }
                console.log(JSON.stringify(cases.pairs.map(([a, b]) => semver.compare(cases.versions[a], cases.versions[b]))));
                """, new { versions = versions.Select(v => v.Semver), pairs = all.Select(p => new[] { p.Item1, p.Item2 }) }, "semver");

            for (var i = 0; i < versions.Length; i++)
            {
                Assert.True(versions[i].Pep440 == python.Normal[i], $"packaging writes {versions[i].Pep440} as {python.Normal[i]}");
                Assert.True(python.SpellingsEqual[i], $"packaging reads {versions[i].Semver} as another version than {versions[i].Pep440}");
            }
            for (var k = 0; k < all.Length; k++)
            {
                var (a, b) = (versions[all[k].Item1], versions[all[k].Item2]);
                // "1.0.0-beta" and "1.0.0-beta.0" are two npm versions but the one PEP 440 version 1.0.0b0: a project
                // uses one spelling, and publishing the other later is refused by PyPI as an existing file.
                if (python.Order[k] == 0 && a.Pep440 == b.Pep440 && a.PreNumber is null != b.PreNumber is null) continue;
                Assert.True(python.Order[k] == npm[k], $"PyPI orders {a.Pep440} vs {b.Pep440} as {python.Order[k]}, npm orders {a.Semver} vs {b.Semver} as {npm[k]}");
            }
        }, iter: 1, threads: 1);
    }

    private static readonly string[] Labels = ["a", "alpha", "b", "beta", "c", "rc", "pre", "preview", "A", "Beta", "RC", "dev", "post", "r", "x"];
    private static readonly string[] Separators = ["", ".", "-", "_"];
    private static readonly string[] Suffixes = ["", "", "", "", ".post1", ".dev0", "+local.7", "-1", "!2", ".0"];

    /// <summary>Version-like text: optional v, numbers (some with leading zeros), a label with optional separators and number, odd suffixes.</summary>
    private static readonly Gen<string> Spellings =
        Gen.Select(Gen.Bool, Gen.Int[0, 120].Select(n => n < 100 ? n.ToString() : "0" + (n - 100)).Array[1, 5], Gen.Int[0, Labels.Length],
            Gen.Int[0, Separators.Length - 1], Gen.Int[0, Separators.Length - 1], Gen.Int[-1, 30], Gen.Int[0, Suffixes.Length - 1],
            (v, release, label, sep1, sep2, number, suffix) =>
            {
                var text = new StringBuilder(v ? "v" : "").Append(string.Join('.', release));
                if (label < Labels.Length)
                {
                    text.Append(Separators[sep1]).Append(Labels[label]);
                    if (number >= 0) text.Append(Separators[sep2]).Append(number);
                }
                return text.Append(Suffixes[suffix]).ToString();
            });

    private sealed record PythonSpelling(string? Normal, bool Representable);

    [Fact]
    public void Every_spelling_crossdock_accepts_means_the_same_to_packaging()
    {
        Spellings.Array[600, 600].Sample(texts =>
        {
            var python = RealChecks.RunPython<List<PythonSpelling>>("""
                import json, sys
                from packaging.version import Version, InvalidVersion
                out = []
                for text in json.load(sys.stdin):
                    try:
                        v = Version(text)
                    except InvalidVersion:
                        out.append({"Normal": None, "Representable": False}); continue
                    # What crossdock can write in semver too: no epoch, post, dev or local part, at most three numbers.
                    plain = v.epoch == 0 and v.post is None and v.dev is None and v.local is None and len(v.release) <= 3
                    out.append({"Normal": str(v), "Representable": plain})
                print(json.dumps(out))
                """, texts);
            for (var i = 0; i < texts.Length; i++)
            {
                var accepted = ReleaseVersion.TryParse(texts[i], out var parsed, out var reason);
                if (accepted)
                {
                    Assert.True(python[i].Normal is not null, $"crossdock accepts '{texts[i]}' as {parsed.Pep440}, packaging refuses it");
                    Assert.True(python[i].Normal == parsed.Pep440, $"crossdock reads '{texts[i]}' as {parsed.Pep440}, packaging as {python[i].Normal}");
                }
                else
                {
                    Assert.False(python[i].Representable, $"crossdock refuses '{texts[i]}' ({reason}), which packaging reads as {python[i].Normal}");
                }
            }
        }, iter: 1, threads: 1);
    }
}
