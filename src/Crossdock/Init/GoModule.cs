using System.Text.RegularExpressions;
using Crossdock.Core;

namespace Crossdock.Init;

/// <summary>
/// go.mod and the main package: the module path names the project (its last element, without a /vN major
/// suffix) and, on a known forge, its repository; the main package is the root's or the first cmd/NAME.
/// </summary>
public static partial class GoModule
{
    public const string FileName = "go.mod";

    private static readonly string[] Forges = ["github.com", "gitlab.com", "codeberg.org", "bitbucket.org"];

    public static ProjectFacts? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        var module = ModuleLine().Match(File.ReadAllText(path));
        if (!module.Success) throw CrossdockException.ForFile(path, "has no 'module' line");
        var elements = ModuleElements(module.Groups[1].Value.Trim('"'));
        var name = elements[^1];
        var repository = elements.Count >= 3 && Forges.Contains(elements[0]) ? $"https://{string.Join('/', elements.Take(3))}" : null;

        var (project, bin) = MainPackage(folder, name);
        return new ProjectFacts(Language: "go", Name: name, Repository: repository, Commands: ProjectFacts.Named([bin]), BuildProject: project, Sources: [FileName],
            NeedsLibc: UsesCgo(folder) ? "the Go code imports \"C\" (cgo), which links libc" : null);
    }

    /// <summary>The module path's elements, without a /vN major-version suffix (which go build leaves out of names too).</summary>
    private static List<string> ModuleElements(string modulePath)
    {
        var elements = modulePath.Split('/').ToList();
        if (elements.Count > 1 && MajorSuffix().IsMatch(elements[^1])) elements.RemoveAt(elements.Count - 1);
        return elements;
    }

    /// <summary>
    /// The executables <c>go build -o FOLDER/ ./cmd/...</c> writes: one per main package under cmd/, named after its
    /// folder (go build's rule: the import path's last element). The root's main package the workflow names itself.
    /// </summary>
    public static BuildOutputs? Outputs(string folder)
    {
        if (!File.Exists(Path.Combine(folder, FileName))) return null;
        var commands = Path.Combine(folder, "cmd");
        var names = Directory.Exists(commands)
            ? Directory.EnumerateDirectories(commands).Order(StringComparer.Ordinal).Where(IsMainPackage).Select(Path.GetFileName).OfType<string>()
            : [];
        return new BuildOutputs("go.mod, cmd/*", [.. names]);
    }

    /// <summary>
    /// Whether any Go file of the module (vendor/, testdata/ and hidden folders aside) imports "C": then the program
    /// uses cgo, links the C library and must build on each target's own machine, not cross-compiled with cgo off.
    /// </summary>
    public static bool UsesCgo(string folder)
    {
        if (!Directory.Exists(folder)) return false;
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(folder, "*.go", options)
            .Where(f => !f.EndsWith("_test.go", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(part => part is "vendor" or "testdata" || part.StartsWith('.')))
            .Any(f => ImportsC().IsMatch(File.ReadAllText(f)));
    }

    /// <summary>The main package to build: the root folder, else the first <c>cmd/NAME</c> (whose binary is NAME).</summary>
    private static (string? Project, string Bin) MainPackage(string folder, string moduleName)
    {
        if (IsMainPackage(folder)) return (".", moduleName);
        var commands = Path.Combine(folder, "cmd");
        if (Directory.Exists(commands))
        {
            foreach (var command in Directory.EnumerateDirectories(commands).Order(StringComparer.Ordinal))
            {
                if (IsMainPackage(command)) return ($"./cmd/{Path.GetFileName(command)}", Path.GetFileName(command));
            }
        }
        return (null, moduleName);
    }

    private static bool IsMainPackage(string folder) =>
        Directory.EnumerateFiles(folder, "*.go")
            .Where(f => !f.EndsWith("_test.go", StringComparison.Ordinal))
            .Any(f => PackageMain().IsMatch(File.ReadAllText(f)));

    [GeneratedRegex(@"^\s*module\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex ModuleLine();

    /// <summary><c>import "C"</c>, alone or as a line of an import block.</summary>
    [GeneratedRegex(@"^\s*(import\s+)?""C""\s*$", RegexOptions.Multiline)]
    private static partial Regex ImportsC();

    [GeneratedRegex(@"^v[0-9]+$")]
    private static partial Regex MajorSuffix();

    [GeneratedRegex(@"^\s*package\s+main\b", RegexOptions.Multiline)]
    private static partial Regex PackageMain();
}
