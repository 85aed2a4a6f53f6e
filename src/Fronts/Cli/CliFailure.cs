using System.Diagnostics.CodeAnalysis;

namespace LabRunner.Cli;

/// <summary>A failure the user can act on: printed as one line (or a few) without a stack trace, with its exit code.</summary>
[SuppressMessage("Naming", "CA1710", Justification = "Named for what the user meets, a failure with an exit code; never caught as a general exception.")]
public sealed class CliFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliFailure Usage(string message) => new(ExitCodes.Usage, message);

    public static CliFailure Target(string message) => new(ExitCodes.Target, message);
}
