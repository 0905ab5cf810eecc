using YamlDotNet.RepresentationModel;

namespace Crossdock.Tests.Workflow;

/// <summary>A generated workflow parsed with YamlDotNet, with the lookups the job-graph tests need.</summary>
public sealed class WorkflowDocument
{
    private readonly YamlMappingNode _root;

    public WorkflowDocument(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        _root = (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    public YamlMappingNode Root => _root;

    public YamlMappingNode Jobs => Map(_root, "jobs");

    public IReadOnlyList<string> JobNames => [.. Jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!)];

    public YamlMappingNode Job(string name) => Map(Jobs, name);

    /// <summary>A job's <c>needs</c>, whether written as one name or a list.</summary>
    public IReadOnlyList<string> Needs(string job) => Job(job).Children.TryGetValue("needs", out var needs)
        ? needs switch
        {
            YamlScalarNode one => [one.Value!],
            YamlSequenceNode many => [.. many.Children.Select(n => ((YamlScalarNode)n).Value!)],
            _ => throw new InvalidOperationException("needs is neither a name nor a list"),
        }
        : [];

    public IReadOnlyList<YamlMappingNode> Steps(string job) =>
        [.. ((YamlSequenceNode)Job(job).Children["steps"]).Children.Cast<YamlMappingNode>()];

    /// <summary>The <c>with:</c> inputs of every step of <paramref name="job"/> that uses an action starting with <paramref name="action"/>.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Uses(string job, string action) =>
        [.. Steps(job)
            .Where(s => String(s, "uses")?.StartsWith(action + "@", StringComparison.Ordinal) == true)
            .Select(s => (IReadOnlyDictionary<string, string>)(s.Children.TryGetValue("with", out var with)
                ? ((YamlMappingNode)with).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!)
                : new Dictionary<string, string>()))];

    public IReadOnlyList<YamlMappingNode> MatrixInclude =>
        [.. ((YamlSequenceNode)Map(Map(Job("build"), "strategy"), "matrix").Children["include"]).Children.Cast<YamlMappingNode>()];

    public static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[key];

    public static string? String(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
