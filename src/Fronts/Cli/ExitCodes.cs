namespace LabRunner.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Some step did not pass, or lint found errors.</summary>
    public const int NotPassed = 1;
    /// <summary>Bad usage, or a lab that cannot be read or is invalid; reported before any API call.</summary>
    public const int Usage = 2;
    /// <summary>The target could not be used: unreachable, credentials, access denied.</summary>
    public const int Target = 3;
    public const int Internal = 70;
    public const int Interrupted = 130;
}
