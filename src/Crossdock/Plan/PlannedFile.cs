using System.Text;
using Crossdock.Core.Files;

namespace Crossdock.Plan;

/// <summary>A small file a package holds: its path inside the archive and its mode, its contents decided by the plan.</summary>
public abstract record PlannedFile(string Entry, int Mode)
{
    /// <summary>The bytes to write.</summary>
    public abstract byte[] Contents();
}

/// <summary>A file whose text the plan wrote (package.json, METADATA, the launcher).</summary>
public sealed record PlannedText(string Entry, string Text, int Mode = FileModes.Regular) : PlannedFile(Entry, Mode)
{
    public override byte[] Contents() => Encoding.UTF8.GetBytes(Text);
}

/// <summary>A file of the project copied as it is (a licence file, a module of the project's Python package).</summary>
public sealed record PlannedCopy(string Entry, string SourcePath, int Mode = FileModes.Regular) : PlannedFile(Entry, Mode)
{
    public override byte[] Contents() => File.ReadAllBytes(SourcePath);
}
