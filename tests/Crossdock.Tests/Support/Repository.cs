namespace Crossdock.Tests.Support;

/// <summary>Paths inside this repository, found from the test assembly's location.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "crossdock.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("crossdock.slnx not found above " + AppContext.BaseDirectory);
    }
}
