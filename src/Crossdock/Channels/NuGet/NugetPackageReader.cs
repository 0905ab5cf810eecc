using System.Collections.Immutable;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using Crossdock.Core;

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
    private readonly FileStream _file;
    private readonly ZipArchive _zip;

    private NugetPackageReader(string path, FileStream file, ZipArchive zip)
    {
        _path = path;
        _file = file;
        _zip = zip;
    }

    public static NugetPackageReader Open(string path)
    {
        var file = File.OpenRead(path);
        try
        {
            var zip = new ZipArchive(file, ZipArchiveMode.Read);
            // ZipArchive reads the central directory lazily, on the first look at Entries: read it here, where a
            // broken one is said as this file's problem (found by fuzzing, tests/fuzz-regressions/nupkg).
            _ = zip.Entries.Count;
            return new NugetPackageReader(path, file, zip);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
        {
            file.Dispose();
            throw CrossdockException.ForFile(path, $"is not a readable .nupkg: {e.Message}");
        }
    }

    /// <summary>Every entry: its name and Unix mode (0 when the zip was written on Windows).</summary>
    public IEnumerable<(string Name, int Mode)> Entries => _zip.Entries.Select(e => (e.FullName, (e.ExternalAttributes >> 16) & 0xFFF));

    public bool Has(string entry) => _zip.GetEntry(entry) is not null;

    /// <summary>The top-level .nuspec; a package has exactly one.</summary>
    public NuspecFields Nuspec()
    {
        var candidates = _zip.Entries.Where(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count != 1) throw CrossdockException.ForFile(_path, candidates.Count == 0 ? "has no .nuspec at its top level" : $"has {candidates.Count} .nuspec files at its top level");
        var entry = candidates[0];
        var metadata = Load(entry).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata")
            ?? throw CrossdockException.ForFile(_path, $"{entry.FullName} has no <metadata>");
        string Field(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim()
            ?? throw CrossdockException.ForFile(_path, $"{entry.FullName} has no <{name}>");
        var types = metadata.Elements().Where(e => e.Name.LocalName == "packageTypes").Elements()
            .Select(e => (string?)e.Attribute("name")).OfType<string>();
        return new NuspecFields(entry.FullName, Field("id"), Field("version"), [.. types]);
    }

    /// <summary>The DotnetToolSettings.xml at <paramref name="entry"/>; null when there is none.</summary>
    public ToolSettings? ToolSettings(string entry)
    {
        if (_zip.GetEntry(entry) is not { } found) return null;
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
        var found = _zip.GetEntry(entry) ?? throw CrossdockException.ForFile(_path, $"has no {entry}");
        try
        {
            using var input = found.Open();
            using var output = File.Create(destination);
            input.CopyTo(output);
        }
        catch (InvalidDataException e)
        {
            throw CrossdockException.ForFile(_path, $"{entry} cannot be read: {e.Message}");
        }
    }

    private XDocument Load(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxPartSize) throw CrossdockException.ForFile(_path, $"{entry.FullName} is {entry.Length} bytes, too large for a package's XML part");
        try
        {
            using var input = entry.Open();
            using var reader = XmlReader.Create(input, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
        {
            throw CrossdockException.ForFile(_path, $"{entry.FullName} cannot be read: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    public void Dispose()
    {
        _zip.Dispose();
        _file.Dispose();
    }
}
