using System.CommandLine;

namespace Crossdock.Cli;

/// <summary><c>crossdock publish pypi</c> (being written).</summary>
internal static class PublishPypiCommand
{
    public static Command Create(CliContext context)
    {
        _ = context;
        return new Command("pypi", "Upload the wheels to PyPI or TestPyPI (not yet implemented)");
    }
}
