namespace Crossdock.Core;

/// <summary>The process exit codes of every command, as git and cargo use them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and something failed (a bad binary, a refused upload, a verify problem).</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted by Ctrl-C (128 + SIGINT), after cleaning up.</summary>
    public const int Cancelled = 130;
}
