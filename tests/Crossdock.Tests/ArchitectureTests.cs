using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Crossdock.Core;

namespace Crossdock.Tests;

/// <summary>
/// The layers of src/Crossdock, one way (README, "Layout"): every type may use only the layers below its own, a
/// channel never uses another channel, and only Program.cs uses the CLI. ArchUnitNET reads the compiled IL, so a
/// type used only inside a method body counts as much as one in a signature.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Each layer (by namespace) and the layers it may use besides itself, bottom first.</summary>
    private static readonly (string Layer, string[] MayUse)[] Layers =
    [
        ("Crossdock.Core", []),
        ("Crossdock.Inspection", ["Crossdock.Core"]),
        ("Crossdock.Config", ["Crossdock.Core", "Crossdock.Inspection"]),
        ("Crossdock.Plan", ["Crossdock.Core", "Crossdock.Inspection", "Crossdock.Config"]),
        ("Crossdock.Channels.*", ["Crossdock.Core", "Crossdock.Inspection", "Crossdock.Config", "Crossdock.Plan"]),
        ("Crossdock.Release", ["Crossdock.Core", "Crossdock.Inspection", "Crossdock.Config", "Crossdock.Plan", "Crossdock.Channels.*"]),
        ("Crossdock.Init", ["Crossdock.Core", "Crossdock.Inspection", "Crossdock.Config"]),
        ("Crossdock.Workflow", ["Crossdock.Core", "Crossdock.Inspection", "Crossdock.Config", "Crossdock.Init"]),
        ("Crossdock.Cli", ["Crossdock.Core", "Crossdock.Inspection", "Crossdock.Config", "Crossdock.Plan", "Crossdock.Channels.*", "Crossdock.Release", "Crossdock.Init", "Crossdock.Workflow"]),
        ("Program", ["Crossdock.Cli", "Crossdock.Core"]),
    ];

    private static readonly Lazy<Architecture> Crossdock = new(() =>
        new ArchLoader().LoadAssemblies(typeof(CrossdockException).Assembly).Build());

    [Fact]
    public void Every_type_uses_only_the_layers_below_it_and_no_sibling_channel()
    {
        var violations = new List<string>();
        foreach (var (type, dependency) in OurDependencies())
        {
            var from = LayerOf(type);
            var to = LayerOf(dependency);
            if (from.Name == to.Name || Allowed(from.Rule, to.Name)) continue;
            violations.Add($"{type.FullName} ({from.Name}) uses {dependency.FullName} ({to.Name}); {from.Name} may use: {string.Join(", ", from.Rule.MayUse.DefaultIfEmpty("nothing"))}");
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations.Distinct().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Every_type_of_crossdock_belongs_to_a_layer()
    {
        var strays = Crossdock.Value.Types.Where(t => IsOurs(t) && LayerOf(t).Rule.Layer is null).Select(t => t.FullName).ToList();
        Assert.True(strays.Count == 0, "types outside every layer: " + string.Join(", ", strays));
    }

    [Fact]
    public void The_dependency_reader_sees_uses_inside_method_bodies()
    {
        // A check that sees no dependencies would pass every rule: make sure known uses are found, including ones
        // that appear only inside a method body (ReleasePlanner calls WheelPlanner.Plan; PlatformPackager news up writers).
        var uses = OurDependencies().Select(d => (d.Type.FullName, d.Dependency.FullName)).ToHashSet();
        Assert.Contains(("Crossdock.Release.ReleasePlanner", "Crossdock.Channels.Pypi.WheelPlanner"), uses);
        Assert.Contains(("Crossdock.Release.PlatformPackager", "Crossdock.Channels.Npm.PlatformPackageWriter"), uses);
        Assert.Contains(uses, u => u.Item1.StartsWith("Crossdock.Channels.Pypi.", StringComparison.Ordinal) && u.Item2.StartsWith("Crossdock.Plan.", StringComparison.Ordinal));
    }

    private static IEnumerable<(IType Type, IType Dependency)> OurDependencies() =>
        Crossdock.Value.Types.Where(IsOurs)
            .SelectMany(type => type.Dependencies.Select(d => d.Target).Where(IsOurs).Select(target => (type, target)));

    /// <summary>Types written in src/Crossdock: not the ones source generators add (GeneratedRegex's helpers).</summary>
    private static bool IsOurs(IType type) =>
        type.Assembly?.Name == "crossdock"
        && type.Namespace is not null
        && !type.Namespace.FullName.StartsWith("System.", StringComparison.Ordinal)
        && !type.FullName.StartsWith("<", StringComparison.Ordinal)
        && !type.FullName.StartsWith("Microsoft.", StringComparison.Ordinal);

    /// <summary>The layer a type belongs to: its rule, and its name (for channels, the channel itself, so two channels are two layers).</summary>
    private static ((string? Layer, string[] MayUse) Rule, string Name) LayerOf(IType type)
    {
        var ns = type.Namespace.FullName;
        if (ns.Length == 0 && type.Name.StartsWith("Program", StringComparison.Ordinal)) return (Layers[^1], "Program");
        foreach (var rule in Layers)
        {
            if (rule.Layer.EndsWith(".*", StringComparison.Ordinal))
            {
                var prefix = rule.Layer[..^1];
                if (ns.StartsWith(prefix, StringComparison.Ordinal)) return (rule, prefix + ns[prefix.Length..].Split('.')[0]);
            }
            else if (ns == rule.Layer || ns.StartsWith(rule.Layer + ".", StringComparison.Ordinal))
            {
                return (rule, rule.Layer);
            }
        }
        return ((null, []), ns.Length == 0 ? type.FullName : ns);
    }

    private static bool Allowed((string? Layer, string[] MayUse) rule, string target) =>
        rule.MayUse.Any(allowed => allowed.EndsWith(".*", StringComparison.Ordinal)
            ? target.StartsWith(allowed[..^1], StringComparison.Ordinal)
            : target == allowed);
}
