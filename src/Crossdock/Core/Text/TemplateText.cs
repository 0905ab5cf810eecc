using System.Text;
using System.Text.RegularExpressions;

namespace Crossdock.Core.Text;

/// <summary>
/// The tiny substitution the generated files need: <c>{{name}}</c> in a template becomes its value. A
/// placeholder alone on its line stands for a block of lines (already indented in its own template) and an
/// empty block removes the line. GitHub's own <c>${{ expr }}</c> is left alone: it has spaces inside.
/// </summary>
public static partial class TemplateText
{
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var output = new StringBuilder();
        foreach (var line in template.Split('\n'))
        {
            var block = BlockLine().Match(line);
            if (block.Success)
            {
                var value = Lookup(values, block.Groups[1].Value);
                if (value.Length > 0) output.Append(value.TrimEnd('\n')).Append('\n');
                continue;
            }
            output.Append(Placeholder().Replace(line, m => Lookup(values, m.Groups[1].Value))).Append('\n');
        }
        return output.ToString(0, output.Length - 1); // Split gave one more line than there were newlines
    }

    private static string Lookup(IReadOnlyDictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"template placeholder {{{{{name}}}}} has no value");

    [GeneratedRegex(@"\{\{([a-z][a-z0-9-]*)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\s*\{\{([a-z][a-z0-9-]*)\}\}\s*$")]
    private static partial Regex BlockLine();
}
