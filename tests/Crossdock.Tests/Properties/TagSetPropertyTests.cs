using Crossdock.Channels.Pypi;
using Crossdock.Core.Targets;
using Crossdock.Inspection;
using Crossdock.Tests.Support;
using CsCheck;

namespace Crossdock.Tests.Properties;

/// <summary>
/// Compressed platform tag sets (the platform field of a wheel filename) are always in sorted order and always
/// parse back, with packaging.tags.parse_tag, to exactly the tags that went in. packaging 23.0 (what Debian and so
/// CI have) has no parse_tag(validate_order=True) yet, so the order is checked against Python's own sorted(),
/// which is what validate_order compares with.
/// </summary>
public sealed class TagSetPropertyTests
{
    private static readonly Gen<CpuArchitecture> Arches = Gen.Int[0, CpuArchitecture.All.Count - 1].Select(i => CpuArchitecture.All[i]);

    /// <summary>Tags as crossdock makes them (manylinux with its legacy alias, musllinux, macosx) and arbitrary [a-z0-9_] ones.</summary>
    private static readonly Gen<string[]> TagLists = Gen.Frequency(
        (3, Gen.Select(Arches, Gen.Int[5, 40], Gen.Bool, (arch, minor, musl) =>
            WheelPlatformTags.Manylinux(new GlibcVersion(2, minor), arch).Concat(musl ? [$"musllinux_{WheelPlatformTags.MusllinuxVersion}_{arch.LinuxWheelArch}"] : []).ToArray())),
        (1, Gen.Select(Gen.Int[10, 16], Gen.Int[0, 15], (major, minor) =>
            new[] { $"macosx_{WheelPlatformTags.MacosTagVersion(new MacosVersion(major, minor, 0))}_x86_64", $"macosx_{WheelPlatformTags.MacosTagVersion(new MacosVersion(major, minor, 0))}_universal2", "macosx_11_0_arm64" })),
        (2, Gen.String[Gen.Char["abz09_"], 1, 12].Array[1, 6]));

    private sealed record ParsedTags(List<string> Platforms, bool Sorted);

    [Fact]
    public void Compressed_tag_sets_are_sorted_and_parse_back_with_packaging()
    {
        TagLists.Array[500, 500].Sample(lists =>
        {
            var sets = lists.Select(tags => new PlatformTagSet(tags)).ToArray();
            foreach (var set in sets)
            {
                var again = PlatformTagSet.Parse(set.Compressed, out var wasSorted);
                Assert.True(wasSorted, $"{set.Compressed} is not sorted");
                Assert.Equal(set, again);
            }
            var python = RealChecks.RunPython<List<ParsedTags>>("""
                import json, sys
                from packaging.tags import parse_tag
                out = []
                for platform in json.load(sys.stdin):
                    tags = parse_tag("py3-none-" + platform)
                    out.append({"Platforms": sorted({t.platform for t in tags}), "Sorted": platform.split(".") == sorted(platform.split("."))})
                print(json.dumps(out))
                """, sets.Select(s => s.Compressed));
            for (var i = 0; i < sets.Length; i++)
            {
                Assert.True(python[i].Sorted, $"Python's sorted() orders {sets[i].Compressed} differently");
                Assert.Equal(lists[i].Distinct().Order(StringComparer.Ordinal), python[i].Platforms);
            }
        }, iter: 1, threads: 1);
    }
}
