using Crossdock.Core.Files;

namespace Crossdock.Plan;

/// <summary>A small file a package holds, whose text the plan decided: its path inside the archive, its contents and mode.</summary>
public sealed record PlannedFile(string Entry, string Text, int Mode = FileModes.Regular);
