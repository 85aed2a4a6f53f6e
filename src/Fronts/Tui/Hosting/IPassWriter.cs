using LabRunner.Engine.Sessions;

namespace LabRunner.Tui.Hosting;

/// <summary>A progress pass written for the learner: the file, the one line to paste instead, and until when it works.</summary>
public sealed record WrittenPass(string Path, string Line, DateTimeOffset Expires, int Requests);

/// <summary>A target that can write the learner's progress pass, as <c>labrunner pass LAB</c> does.</summary>
public interface IPassWriter
{
    /// <summary>Writes the pass of <paramref name="session"/>'s learner.</summary>
    /// <exception cref="TargetUnavailableException">This target cannot make a pass, or making it failed (the message says why).</exception>
    Task<WrittenPass> WritePassAsync(LabSession session, CancellationToken cancellationToken);
}
