using System.CommandLine;

namespace Crossdock.Cli;

/// <summary><c>crossdock publish npm|pypi|nuget</c>: upload a verified release, safely and resumably.</summary>
internal static class PublishCommand
{
    public static Command Create(CliContext context) => new("publish", "Verify, then upload to npm, PyPI or NuGet, resumably")
    {
        PublishNpmCommand.Create(context),
        PublishPypiCommand.Create(context),
        PublishNugetCommand.Create(context),
    };
}
