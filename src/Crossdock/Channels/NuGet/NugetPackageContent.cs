using System.Security.Cryptography;
using System.Text;
using Crossdock.Plan;

namespace Crossdock.Channels.NuGet;

/// <summary>
/// The text of every small file in a .NET tool package, byte for byte as the .NET 10 SDK (NuGet.Packaging 7.x,
/// deterministic pack) writes them: two-space indents, LF, no final newline, a UTF-8 BOM on the .nuspec and
/// DotnetToolSettings.xml (written by XmlWriter) and none on the OPC parts. The SDK's side: dotnet/sdk
/// <c>src/Tasks/Microsoft.NET.Build.Tasks/GenerateToolsSettingsFile.cs</c> and <c>Microsoft.NET.PackTool.targets</c>.
/// </summary>
public static class NugetPackageContent
{
    private const string Bom = "\uFEFF";
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    /// <summary>Where NuGet puts the core properties; deterministic pack names the part <c>nuget.psmdcp</c>.</summary>
    public const string CorePropertiesEntry = "package/services/metadata/core-properties/nuget.psmdcp";

    public const string ContentTypesEntry = "[Content_Types].xml";
    public const string RelationshipsEntry = "_rels/.rels";

    /// <summary>The .nuspec schema NuGet writes for a package whose files carry no target framework.</summary>
    public const string NuspecSchema = "http://schemas.microsoft.com/packaging/2010/07/nuspec.xsd";

    /// <summary>The schema the SDK's pack wrote for the framework-dependent <c>any</c> package (SDK 10.0.401; its files sit under <c>tools/net10.0/any/</c>).</summary>
    public const string FrameworkNuspecSchema = "http://schemas.microsoft.com/packaging/2012/06/nuspec.xsd";

    /// <summary>The .nuspec: id, version, authors, licence expression (and NuGet's licence URL for old clients), readme, project URL, description, tags, package type, repository.</summary>
    public static string Nuspec(ProjectMetadata project, string id, string version, string packageType, string? readmeEntry, string schema = NuspecSchema)
    {
        var text = new StringBuilder(Bom).Append(Declaration)
            .Append("<package xmlns=\"").Append(schema).Append("\">\n  <metadata>\n");
        Element(text, "id", id);
        Element(text, "version", version);
        Element(text, "authors", Authors(project, id));
        if (project.License is { } license)
        {
            text.Append("    <license type=\"expression\">").Append(Escape(license)).Append("</license>\n");
            Element(text, "licenseUrl", LicenseUrl(license));
        }
        if (readmeEntry is not null) Element(text, "readme", readmeEntry);
        if ((project.Homepage ?? project.Repository) is { } url) Element(text, "projectUrl", url);
        Element(text, "description", Description(project, id));
        if (!project.Metadata.Keywords.IsEmpty) Element(text, "tags", Tags(project));
        text.Append("    <packageTypes>\n      <packageType name=\"").Append(packageType).Append("\" />\n    </packageTypes>\n");
        if (project.Repository is { } repository) text.Append("    <repository type=\"git\" url=\"").Append(Escape(repository)).Append("\" />\n");
        return text.Append("  </metadata>\n</package>").ToString();
    }

    /// <summary>A RID package's DotnetToolSettings.xml, format 2: the command, run as a native executable.</summary>
    public static string RidToolSettings(string command, string entryPoint) =>
        new StringBuilder(Bom).Append(Declaration)
            .Append("<DotNetCliTool Version=\"2\">\n  <Commands>\n")
            .Append("    <Command Name=\"").Append(Escape(command)).Append("\" EntryPoint=\"").Append(Escape(entryPoint)).Append("\" Runner=\"executable\" />\n")
            .Append("  </Commands>\n</DotNetCliTool>").ToString();

    /// <summary>
    /// The framework-dependent package's DotnetToolSettings.xml, format 1 as the SDK writes it for a tool that is not
    /// RID-specific: the command's .dll, run by <c>dotnet</c> on the installed runtime.
    /// </summary>
    public static string FrameworkDependentToolSettings(string command, string entryPoint) =>
        new StringBuilder(Bom).Append(Declaration)
            .Append("<DotNetCliTool Version=\"1\">\n  <Commands>\n")
            .Append("    <Command Name=\"").Append(Escape(command)).Append("\" EntryPoint=\"").Append(Escape(entryPoint)).Append("\" Runner=\"dotnet\" />\n")
            .Append("  </Commands>\n</DotNetCliTool>").ToString();

    /// <summary>The pointer package's DotnetToolSettings.xml: the command without an entry point, and each RID's package.</summary>
    public static string PointerToolSettings(string command, IEnumerable<(string Rid, string Id)> packages)
    {
        var text = new StringBuilder(Bom).Append(Declaration)
            .Append("<DotNetCliTool Version=\"2\">\n  <Commands>\n")
            .Append("    <Command Name=\"").Append(Escape(command)).Append("\" />\n")
            .Append("  </Commands>\n  <RuntimeIdentifierPackages>\n");
        foreach (var (rid, id) in packages)
        {
            text.Append("    <RuntimeIdentifierPackage RuntimeIdentifier=\"").Append(Escape(rid)).Append("\" Id=\"").Append(Escape(id)).Append("\" />\n");
        }
        return text.Append("  </RuntimeIdentifierPackages>\n</DotNetCliTool>").ToString();
    }

    /// <summary>The OPC relationships: the manifest (.nuspec) and the core properties, with NuGet's path-derived ids.</summary>
    public static string Relationships(string nuspecEntry) =>
        new StringBuilder(Declaration)
            .Append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n")
            .Append(Relationship("http://schemas.microsoft.com/packaging/2010/07/manifest", "/" + nuspecEntry))
            .Append(Relationship("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "/" + CorePropertiesEntry))
            .Append("</Relationships>").ToString();

    /// <summary>
    /// [Content_Types].xml: the two OPC defaults, then one default per file extension (in ordinal order) and an
    /// override for each file without one (the Unix entry point).
    /// </summary>
    public static string ContentTypes(IEnumerable<string> entries)
    {
        var text = new StringBuilder(Declaration)
            .Append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\n")
            .Append("  <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" />\n")
            .Append("  <Default Extension=\"psmdcp\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\" />\n");
        var list = entries.ToList();
        foreach (var extension in list.Select(Extension).OfType<string>().Where(e => e is not ("rels" or "psmdcp")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            text.Append("  <Default Extension=\"").Append(Escape(extension)).Append("\" ContentType=\"application/octet\" />\n");
        }
        foreach (var entry in list.Where(e => Extension(e) is null))
        {
            text.Append("  <Override PartName=\"/").Append(Escape(entry)).Append("\" ContentType=\"application/octet\" />\n");
        }
        return text.Append("</Types>").ToString();
    }

    /// <summary>The core-properties part: creator, description, identifier, version, keywords, and who wrote it.</summary>
    public static string CoreProperties(ProjectMetadata project, string id, string version, string generator)
    {
        var text = new StringBuilder(Declaration)
            .Append("<coreProperties xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\">\n");
        Element(text, "dc:creator", Authors(project, id), "  ");
        Element(text, "dc:description", Description(project, id), "  ");
        Element(text, "dc:identifier", id, "  ");
        Element(text, "version", version, "  ");
        text.Append("  <keywords>").Append(Escape(Tags(project))).Append("</keywords>\n");
        text.Append("  <lastModifiedBy>").Append(Escape(generator)).Append("</lastModifiedBy>\n");
        return text.Append("</coreProperties>").ToString();
    }

    /// <summary>The deprecated licence URL NuGet writes beside an expression for clients that predate expressions.</summary>
    public static string LicenseUrl(string expression) => new Uri("https://licenses.nuget.org/" + expression).AbsoluteUri;

    /// <summary>
    /// The authors' names (an email where a person has no name), comma-separated; when none is configured the tool's
    /// id, as the SDK defaults Authors to the project's name, the same in the pointer and every RID package.
    /// </summary>
    private static string Authors(ProjectMetadata project, string id) =>
        project.Metadata.Authors.IsEmpty ? project.Nuget.Id : string.Join(", ", project.Metadata.Authors.Select(a => a.Name ?? a.Email));

    /// <summary>nuget.org requires a description: the project's, else the id.</summary>
    private static string Description(ProjectMetadata project, string id) => project.Description ?? id;

    private static string Tags(ProjectMetadata project) => string.Join(' ', project.Metadata.Keywords.Select(k => k.Replace(' ', '-')));

    /// <summary>
    /// NuGet's relationship id in deterministic pack: "R" and the first 16 hex digits (upper case) of the SHA-512 of
    /// the target's path (checked against the SDK's own packages: the core-properties part is always RB385817783B5D9F0).
    /// </summary>
    private static string Relationship(string type, string target) =>
        $"  <Relationship Type=\"{type}\" Target=\"{Escape(target)}\" Id=\"R{Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(target)), 0, 8)}\" />\n";

    private static string? Extension(string entry)
    {
        var name = entry[(entry.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot < 0 || dot == name.Length - 1 ? null : name[(dot + 1)..];
    }

    private static void Element(StringBuilder text, string name, string value, string indent = "    ")
    {
        text.Append(indent).Append('<').Append(name).Append('>').Append(Escape(value)).Append("</").Append(name).Append(">\n");
    }

    private static string Escape(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
