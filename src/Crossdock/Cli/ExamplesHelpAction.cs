using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Crossdock.Cli;

/// <summary>
/// System.CommandLine's help, followed by the command's examples (<see cref="HelpExamples"/>). Its HelpBuilder is
/// internal in 2.0, so the documented way to extend help is to wrap the standard <see cref="HelpAction"/>.
/// </summary>
internal sealed class ExamplesHelpAction(HelpAction standard) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var exit = standard.Invoke(parseResult);
        HelpExamples.Write(parseResult.InvocationConfiguration.Output, parseResult.CommandResult.Command);
        return exit;
    }

    /// <summary>Puts this action on the root's --help, which every subcommand inherits.</summary>
    public static void Install(Command root, int maxWidth)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        var standard = (HelpAction)help.Action!;
        standard.MaxWidth = maxWidth;
        help.Action = new ExamplesHelpAction(standard);
    }
}
