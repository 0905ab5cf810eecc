using System.Collections.Immutable;
using Crossdock.Channels.Npm;
using Crossdock.Channels.NuGet;
using Crossdock.Channels.Pypi;
using Crossdock.Config;
using Crossdock.Core.Problems;
using Crossdock.Core.Targets;
using Crossdock.Inspection;
using Crossdock.Init;

namespace Crossdock.Fuzz.Targets;

/// <summary>One reader of outside bytes, driven the way crossdock drives it, with the input as the file it reads.</summary>
/// <param name="Name">The name <c>scripts/fuzz.sh TARGET</c> takes, and the folder of its regression files.</param>
/// <param name="Reads">What the target feeds the input to, for <c>--list</c> and the README.</param>
public sealed record FuzzTarget(string Name, string Reads, Action<byte[], FuzzScratch> Run);

/// <summary>
/// Every fuzz target. Each writes the input where crossdock would find such a file and calls the same public entry
/// point the command does (inspect, verify, assemble, the config loader, init), so a finding is a real input
/// a user could hit. Shared by the fuzzer (Program.cs) and the regression test that replays tests/fuzz-regressions.
/// </summary>
public static class FuzzTargets
{
    /// <summary>The project the verifiers check artifacts against.</summary>
    private static readonly Lazy<ProjectConfig> Project = new(() =>
        ConfigLoader.Parse("fuzz/crossdock.toml", "[package]\nname = \"fuzzed\"\nversion = \"1.0.0\"\n"));

    /// <summary>The manifests <c>crossdock init</c> reads; the input's first byte picks one, the rest is its text.</summary>
    public static readonly ImmutableArray<string> InitManifests =
        ["Cargo.toml", "pyproject.toml", "package.json", "go.mod", "build.zig.zon", "tool.csproj"];

    public static readonly ImmutableArray<FuzzTarget> All =
    [
        new("elf", "BinaryInspector.Inspect (ElfHeaderCheck, ELFSharp, GnuVersionNeeds, StaticLibcEvidence), then TargetResolver", InspectBinary),
        new("macho", "BinaryInspector.Inspect on thin and fat Mach-O (MachOInspector), then TargetResolver", InspectBinary),
        new("pe", "BinaryInspector.Inspect on PE (System.Reflection.PortableExecutable), then TargetResolver", InspectBinary),
        new("wheel", "WheelVerifier.Verify (ZipReader, RECORD, WHEEL, METADATA, the executable inside)", VerifyWheel),
        new("npm-tarball", "PackageTarball.ReadManifest and PackageVerifier.Verify (gzip, System.Formats.Tar, package.json)", VerifyTarball),
        new("nupkg", "NugetVerifier.VerifyPackage (ZipArchive, the .nuspec and DotnetToolSettings.xml by XmlReader, the entry point inside)", VerifyNupkg),
        new("config", "ConfigLoader.Parse of crossdock.toml (TomlDocument over Tomlyn's syntax tree)", LoadConfig),
        new("init", $"ProjectDetector.Detect on one manifest, picked by the first byte: {string.Join(", ", InitManifests)}", DetectProject),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    private static void InspectBinary(byte[] input, FuzzScratch scratch)
    {
        var path = scratch.Write("input.bin", input);
        FuzzOutcome.Expect("inspect", () =>
        {
            var inspection = BinaryInspector.Inspect(path);
            foreach (var target in TargetTable.All)
            {
                if (TargetResolver.Contradiction(target, inspection) is { } why) FuzzOutcome.CheckMessage(why, "contradiction");
            }
            TargetResolver.Detect(inspection);
        });
    }

    private static void VerifyWheel(byte[] input, FuzzScratch scratch)
    {
        var path = scratch.Write("fuzzed-1.0.0-py3-none-manylinux_2_17_x86_64.whl", input);
        var problems = new ProblemList(path);
        FuzzOutcome.Expect("verify wheel", () => WheelVerifier.Verify(path, Project.Value, problems, scratch.Folder("extract")));
        CheckProblems(problems);
    }

    private static void VerifyTarball(byte[] input, FuzzScratch scratch)
    {
        var path = scratch.Write("fuzzed-linux-x64-gnu-1.0.0.tgz", input);
        FuzzOutcome.Expect("read manifest", () => PackageTarball.ReadManifest(path));
        var problems = new ProblemList(path);
        FuzzOutcome.Expect("verify tarball", () => PackageVerifier.Verify(path, Project.Value, problems, scratch.Folder("extract")));
        CheckProblems(problems);
    }

    private static void VerifyNupkg(byte[] input, FuzzScratch scratch)
    {
        var path = scratch.Write("fuzzed.linux-x64.1.0.0.nupkg", input);
        var problems = new ProblemList(path);
        FuzzOutcome.Expect("verify nupkg", () => NugetVerifier.VerifyPackage(path, Project.Value, problems, scratch.Folder("extract")));
        CheckProblems(problems);
    }

    private static void LoadConfig(byte[] input, FuzzScratch scratch)
    {
        var path = scratch.Write("crossdock.toml", input);
        FuzzOutcome.Expect("load config", () => ConfigLoader.Load(path));
    }

    private static void DetectProject(byte[] input, FuzzScratch scratch)
    {
        if (input.Length == 0) return;
        var folder = scratch.Folder("project");
        scratch.Write(Path.Combine("project", InitManifests[input[0] % InitManifests.Length]), input.AsSpan(1));
        FuzzOutcome.Expect("init", () =>
        {
            var (_, notes) = ProjectDetector.Detect(folder);
            foreach (var note in notes) FuzzOutcome.CheckMessage(note, "init note");
        });
    }

    private static void CheckProblems(ProblemList problems)
    {
        foreach (var problem in problems.Problems) FuzzOutcome.CheckMessage(problem.Message, $"{problem.Check} problem");
    }
}
