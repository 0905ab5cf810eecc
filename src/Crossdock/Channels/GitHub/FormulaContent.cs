using System.Text;
using System.Text.RegularExpressions;
using Crossdock.Core.Targets;
using Crossdock.Core.Text;

namespace Crossdock.Channels.GitHub;

/// <summary>
/// The Homebrew formula (Resources/formula.rb): a url and sha256 per macOS and Linux architecture in
/// <c>on_macos</c>/<c>on_linux</c> and <c>on_arm</c>/<c>on_intel</c> blocks (the Formula Cookbook's style), every
/// command installed, and a test that runs the first with <c>--version</c>.
/// </summary>
public static partial class FormulaContent
{
    /// <summary>
    /// Homebrew's class name for a formula name (<c>Formulary.class_s</c>: capitalize, then drop each <c>-_.</c>
    /// and space and upper-case what follows, <c>+</c> as <c>x</c>); null when that is no Ruby constant (<c>4ti2</c>).
    /// </summary>
    public static string? ClassName(string name)
    {
        var lower = name.ToLowerInvariant();
        var capitalized = lower.Length == 0 ? lower : char.ToUpperInvariant(lower[0]) + lower[1..];
        var joined = Separator().Replace(capitalized, m => m.Groups[1].Value.ToUpperInvariant()).Replace('+', 'x');
        return ConstantName().IsMatch(joined) ? joined : null;
    }

    /// <summary>The formula; null when the release has no macOS or Linux archive for Homebrew to install.</summary>
    public static string? Formula(InstallerModel model)
    {
        var macos = ForArchitectures(model, OperatingSystemFamily.Macos, []);
        // Homebrew on Linux brings a glibc: a libc-free build first, then the glibc one, then a static musl one.
        var linux = ForArchitectures(model, OperatingSystemFamily.Linux, ["none", "gnu", "musl"]);
        if (macos.Count == 0 && linux.Count == 0) return null;

        var platforms = new StringBuilder();
        if (macos.Count == 0) platforms.Append("  depends_on :linux\n");
        if (linux.Count == 0) platforms.Append("  depends_on :macos\n");
        AppendSystem(platforms, model, "on_macos", macos);
        AppendSystem(platforms, model, "on_linux", linux);

        var values = model.CommonValues();
        var project = model.Project;
        values["file"] = GithubNames.Formula(project.Name);
        values["class"] = ClassName(project.Name)!;
        values["desc"] = RubyString(Description(project.Description ?? $"The {project.Bin} command-line tool"));
        values["homepage"] = RubyString(project.Homepage ?? $"https://github.com/{model.Location.Repository}");
        values["license"] = project.License is { } license && SpdxId().IsMatch(license) ? $"  license \"{license}\"" : "";
        values["platforms"] = platforms.ToString();
        values["install"] = string.Concat(project.Commands.Select(c => $"    bin.install \"{c}\"\n"));
        return TemplateText.Fill(EmbeddedText.Read("formula.rb"), values);
    }

    /// <summary>Per architecture (arm, then intel), the first archive of <paramref name="os"/> in libc preference order.</summary>
    private static List<(string Block, ArchiveRef Archive)> ForArchitectures(InstallerModel model, OperatingSystemFamily os, string[] libcOrder)
    {
        var chosen = new List<(string, ArchiveRef)>();
        foreach (var (block, arch) in new[] { ("on_arm", CpuArchitecture.Aarch64), ("on_intel", CpuArchitecture.X86_64) })
        {
            var candidates = model.Archives.Where(a => a.Target.Os == os && a.Target.Arch == arch).ToList();
            var best = os == OperatingSystemFamily.Linux
                ? libcOrder.Select(l => candidates.FirstOrDefault(a => GithubNames.LibcOf(a.Target) == l && (l != "musl" || a.IsStatic))).FirstOrDefault(a => a is not null)
                : candidates.FirstOrDefault();
            if (best is not null) chosen.Add((block, best));
        }
        // Apple silicon runs the x86_64 build under Rosetta 2 when there is no arm64 one.
        if (os == OperatingSystemFamily.Macos && chosen.Count == 1 && chosen[0].Item1 == "on_intel") chosen.Add(("on_arm", chosen[0].Item2));
        return chosen;
    }

    private static void AppendSystem(StringBuilder formula, InstallerModel model, string system, List<(string Block, ArchiveRef Archive)> archives)
    {
        if (archives.Count == 0) return;
        formula.Append('\n').Append($"  {system} do\n");
        foreach (var (block, archive) in archives.OrderBy(a => a.Block, StringComparer.Ordinal))
        {
            formula.Append($"    {block} do\n");
            formula.Append($"      url \"{model.Location.DownloadUrl}/{archive.FileName}\"\n");
            formula.Append($"      sha256 \"{archive.Sha256}\"\n");
            formula.Append("    end\n");
        }
        formula.Append("  end\n");
    }

    /// <summary>One line, as Homebrew's desc is: the first line, without a final full stop (brew audit asks for none).</summary>
    private static string Description(string text) => text.Split('\n')[0].Trim().TrimEnd('.');

    /// <summary>A Ruby double-quoted string's content: backslash, quote and <c>#{</c> escaped, so nothing is interpolated.</summary>
    private static string RubyString(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("#", "\\#", StringComparison.Ordinal);

    [GeneratedRegex(@"[-_.\s]([a-zA-Z0-9])")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex ConstantName();

    [GeneratedRegex(@"^[A-Za-z0-9.+-]+$")]
    private static partial Regex SpdxId();
}
