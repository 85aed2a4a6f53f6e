using LabRunner.Content.Model;
using LabRunner.Engine.Learners;
using LabRunner.Engine.Targets;
using LabRunner.Rds;

namespace LabRunner.Tui.Hosting;

/// <summary>
/// A connected target, made by the command that starts the TUI (it starts the sandbox or builds an AWS client).
/// Disposing it stops what it started.
/// </summary>
public interface ILabTarget : IAsyncDisposable
{
    TargetInfo Info { get; }

    IRdsApi Rds { get; }

    /// <summary>Readies the learner's starting resources: the sandbox creates the lab's fixtures (keeping what exists); on AWS they are the learner's own.</summary>
    Task PrepareAsync(Lab lab, Learner learner, CancellationToken cancellationToken);
}
