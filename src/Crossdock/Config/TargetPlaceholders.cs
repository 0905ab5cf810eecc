using System.Text.RegularExpressions;
using Crossdock.Core;
using Crossdock.Core.Targets;

namespace Crossdock.Config;

/// <summary>
/// The <c>{placeholders}</c> a <c>[build] command</c> or <c>binary</c> can use, each filled per target from
/// <see cref="TargetTable"/>, so a user-given command never has to spell a triple or a runtime identifier.
/// </summary>
public static partial class TargetPlaceholders
{
    private static readonly Dictionary<string, Func<Target, string, string?>> Values = new(StringComparer.Ordinal)
    {
        ["target"] = (t, _) => t.Triple,
        ["os"] = (t, _) => t.Os.Name,
        ["arch"] = (t, _) => t.Arch.Name,
        ["exe"] = (t, _) => t.Os.ExecutableSuffix,
        ["bin"] = (_, bin) => bin,
        ["rid"] = (t, _) => t.DotnetRid,
        ["goos"] = (t, _) => t.Os.GoOs,
        ["goarch"] = (t, _) => t.Arch.GoArch,
        ["zig-target"] = (t, _) => t.ZigTarget,
        ["npm-suffix"] = (t, _) => t.NpmSuffix,
    };

    public static IEnumerable<string> Names => Values.Keys;

    /// <summary>
    /// <paramref name="template"/> with every placeholder filled for <paramref name="target"/>.
    /// <paramref name="where"/> names the setting in errors, e.g. "crossdock.toml: [build] command".
    /// </summary>
    public static string Expand(string template, Target target, string bin, string where) =>
        Placeholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            if (!Values.TryGetValue(name, out var value))
            {
                throw CrossdockException.ForFile(where, $"unknown placeholder {{{name}}} (known: {string.Join(", ", Names.Select(n => "{" + n + "}"))})");
            }
            return value(target, bin) ?? throw CrossdockException.ForFile(where, $"{{{name}}} has no value for {target.Triple}");
        });

    [GeneratedRegex(@"\{([a-z][a-z-]*)\}")]
    private static partial Regex Placeholder();
}
