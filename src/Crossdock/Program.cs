using Crossdock.Cli;

return CrossdockCli.Run(args, CliContext.FromProcess());
