using Crossdock.Core.Archives;

namespace Crossdock.Channels.NuGet;

/// <summary>
/// Writes a planned .nupkg in the SDK's entry order: the relationships, .nuspec, README and DotnetToolSettings.xml
/// when it is opened, the entry point from the pass that compresses each binary once for every package (the same
/// DEFLATE data as the wheel's and the archive's), then [Content_Types].xml and the core properties.
/// </summary>
public sealed class NugetPackageWriter
{
    private readonly NugetPackageArtifact _package;
    private readonly ZipWriter _zip;

    public NugetPackageWriter(Stream output, NugetPackageArtifact package, DateTimeOffset timestamp)
    {
        _package = package;
        _zip = new ZipWriter(output, timestamp);
        foreach (var file in package.Leading) _zip.AddFile(file.Entry, file.Contents(), file.Mode);
    }

    /// <summary>The entry of command <paramref name="index"/>'s executable; null for every command but the first, which is the tool's.</summary>
    public ISplicedEntry? BeginExecutable(int index) =>
        index == 0 && _package.EntryPoint is { } entryPoint ? _zip.BeginSplicedEntry(entryPoint, NugetNames.EntryMode) : null;

    public void Finish()
    {
        foreach (var file in _package.Trailing) _zip.AddFile(file.Entry, file.Contents(), file.Mode);
        _zip.Finish();
    }

    /// <summary>A package without an entry point (the pointer package), whole.</summary>
    public static void Write(Stream output, NugetPackageArtifact package, DateTimeOffset timestamp) =>
        new NugetPackageWriter(output, package, timestamp).Finish();
}
