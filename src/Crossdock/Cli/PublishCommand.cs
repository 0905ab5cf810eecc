using System.CommandLine;

namespace Crossdock.Cli;

/// <summary><c>crossdock publish npm|pypi</c>: upload a verified release, safely and resumably.</summary>
internal static class PublishCommand
{
    public static Command Create(CliContext context) => new("publish", "Verify the release, then upload it to npm or PyPI")
    {
        PublishNpmCommand.Create(context),
        PublishPypiCommand.Create(context),
    };
}
