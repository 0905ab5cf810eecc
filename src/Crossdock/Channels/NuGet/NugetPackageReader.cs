using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;
using Crossdock.Core;
using Crossdock.Core.Archives;

namespace Crossdock.Channels.NuGet;

/// <summary>What a .nuspec says about a package: the fields the .NET SDK and nuget.org act on.</summary>
public sealed record NuspecFields(string Entry, string Id, string Version, ImmutableArray<string> PackageTypes);

/// <summary>One <c>&lt;Command&gt;</c> of DotnetToolSettings.xml; the pointer package's have no entry point or runner.</summary>
public sealed record ToolCommand(string Name, string? EntryPoint, string? Runner);

/// <summary>DotnetToolSettings.xml as the SDK reads it (its <c>ToolConfigurationDeserializer</c>): format version, commands, RID packages.</summary>
public sealed record ToolSettings(string Entry, string? FormatVersion, ImmutableArray<ToolCommand> Commands, ImmutableArray<(string Rid, string Id)> RidPackages);

/// <summary>
/// Reads a .nupkg someone else may have written (a matrix job's artifact, or a tampered one): its entries, its one
/// .nuspec at the top level and its DotnetToolSettings.xml files. XML is read without DTDs, and no part larger
/// than <see cref="MaxPartSize"/> is read at all. Every failure is a <see cref="CrossdockException"/> naming the file.
/// </summary>
public sealed class NugetPackageReader : IDisposable
{
    /// <summary>Far above any real .nuspec or settings file; stops a zip bomb before it is inflated.</summary>
    public const long MaxPartSize = 1 << 20;

    private readonly string _path;
    private readonly ZipReader _zip;

    private NugetPackageReader(string path, ZipReader zip)
    {
        _path = path;
        _zip = zip;
    }

    /// <summary>Reads the package's zip structure with crossdock's own <see cref="ZipReader"/>, as verify reads wheels.</summary>
    public static NugetPackageReader Open(string path)
    {
        try
        {
            return new NugetPackageReader(path, ZipReader.Open(path));
        }
        catch (CrossdockException e)
        {
            throw CrossdockException.ForFile(path, $"is not a readable .nupkg: {e.Reason}");
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw CrossdockException.ForFile(path, $"is not a readable .nupkg: {e.Message}");
        }
    }

    /// <summary>Every entry: its name and Unix mode (0 when the zip was written on Windows).</summary>
    public IEnumerable<(string Name, int Mode)> Entries => _zip.Entries.Select(e => (e.Name, e.UnixMode & 0xFFF));

    public bool Has(string entry) => Find(entry) is not null;

    /// <summary>The top-level .nuspec; a package has exactly one.</summary>
    public NuspecFields Nuspec()
    {
        var candidates = _zip.Entries.Where(e => !e.Name.Contains('/', StringComparison.Ordinal) && e.Name.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count != 1) throw CrossdockException.ForFile(_path, candidates.Count == 0 ? "has no .nuspec at its top level" : $"has {candidates.Count} .nuspec files at its top level");
        var entry = candidates[0];
        var metadata = Load(entry).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata")
            ?? throw CrossdockException.ForFile(_path, $"{entry.Name} has no <metadata>");
        string Field(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim()
            ?? throw CrossdockException.ForFile(_path, $"{entry.Name} has no <{name}>");
        var types = metadata.Elements().Where(e => e.Name.LocalName == "packageTypes").Elements()
            .Select(e => (string?)e.Attribute("name")).OfType<string>();
        return new NuspecFields(entry.Name, Field("id"), Field("version"), [.. types]);
    }

    /// <summary>The DotnetToolSettings.xml at <paramref name="entry"/>; null when there is none.</summary>
    public ToolSettings? ToolSettings(string entry)
    {
        if (Find(entry) is not { } found) return null;
        var root = Load(found).Root ?? throw CrossdockException.ForFile(_path, $"{entry} is empty");
        var commands = root.Elements("Commands").Elements("Command")
            .Select(c => new ToolCommand((string?)c.Attribute("Name") ?? "", (string?)c.Attribute("EntryPoint"), (string?)c.Attribute("Runner")));
        var packages = root.Elements("RuntimeIdentifierPackages").Elements("RuntimeIdentifierPackage")
            .Select(p => ((string?)p.Attribute("RuntimeIdentifier") ?? "", (string?)p.Attribute("Id") ?? ""));
        return new ToolSettings(entry, (string?)root.Attribute("Version"), [.. commands], [.. packages]);
    }

    /// <summary>Copies <paramref name="entry"/> to <paramref name="destination"/> (a name the caller made in its own folder).</summary>
    public void Extract(string entry, string destination)
    {
        var found = Find(entry) ?? throw CrossdockException.ForFile(_path, $"has no {entry}");
        try
        {
            using var input = _zip.OpenEntry(found);
            using var output = File.Create(destination);
            input.CopyTo(output);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw CrossdockException.ForFile(_path, $"{entry} cannot be read: {e.Message}");
        }
    }

    private ZipEntryRecord? Find(string entry) => _zip.Entries.FirstOrDefault(e => e.Name == entry);

    private XDocument Load(ZipEntryRecord entry)
    {
        if (entry.UncompressedSize > MaxPartSize) throw CrossdockException.ForFile(_path, $"{entry.Name} is {entry.UncompressedSize} bytes, too large for a package's XML part");
        try
        {
            // The declared size may lie: never inflate more than the limit allows.
            using var part = new MemoryStream();
            using (var input = _zip.OpenEntry(entry)) CopyAtMost(input, part, MaxPartSize);
            part.Position = 0;
            using var reader = XmlReader.Create(part, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
        {
            throw CrossdockException.ForFile(_path, $"{entry.Name} cannot be read: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private static void CopyAtMost(Stream input, Stream output, long limit)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            if (output.Length + read > limit) throw new InvalidDataException($"inflates past {limit} bytes");
            output.Write(buffer, 0, read);
        }
    }

    public void Dispose() => _zip.Dispose();
}
