using LabRunner.Engine.Plans;
using LabRunner.Rds;

namespace LabRunner.Engine.Targets;

/// <summary>
/// A connected target, made by the front that opens a session (it starts the sandbox or builds an AWS client).
/// Disposing it stops what it started.
/// </summary>
public interface ILabTarget : IAsyncDisposable
{
    TargetInfo Info { get; }

    IRdsApi Rds { get; }

    /// <summary>Readies the learner's starting resources: the sandbox creates the plan's fixtures (keeping what exists); on AWS they are the learner's own.</summary>
    Task PrepareAsync(LabPlan plan, CancellationToken cancellationToken);
}
