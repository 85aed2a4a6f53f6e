namespace LabRunner.Tui.Hosting;

/// <summary>
/// Thrown by <see cref="TuiOptions.Connect"/> when the target cannot be used for a reason the learner can act on
/// (credentials, an unreachable endpoint, a damaged sandbox state file): its message is shown as is, with a retry.
/// Anything else thrown there is unexpected and goes to the error log.
/// </summary>
public sealed class TargetUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
