using LabRunner.Content.Learners;
using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.Actions;

/// <summary><c>copy-db-cluster-snapshot</c>: a copy of the learner's snapshot, in the same region.</summary>
public sealed class CopyDbClusterSnapshotActionKind : IActionKind
{
    public string Name => "copy-db-cluster-snapshot";

    public IAction Bind(BoundSpec spec) => new CopyDbClusterSnapshotAction(spec.Required("source"), spec.Required("snapshot"));
}

public sealed record CopyDbClusterSnapshotAction(string Source, string Snapshot) : IAction
{
    public string Summary => $"copy snapshot {Source} to {Snapshot}";

    public IReadOnlyList<string> Identifiers => [Source, Snapshot];

    public IReadOnlyList<string> Creates => [Snapshot];

    public IReadOnlyList<string> ApiActions => ["rds:CopyDBClusterSnapshot"];

    public AwsCliCommand CliCommand => new("copy-db-cluster-snapshot",
    [
        new("--source-db-cluster-snapshot-identifier", Source),
        new("--target-db-cluster-snapshot-identifier", Snapshot),
    ]);

    /// <summary>A snapshot already named as the copy is success: the name is the learner's own, so it is their copy.</summary>
    public async Task<ActionOutcome> PerformAsync(IRdsApi rds, CancellationToken cancellationToken = default)
    {
        try
        {
            var copy = await rds.CopyDBClusterSnapshotAsync(new CopyDBClusterSnapshotRequest(Source, Snapshot), cancellationToken);
            return new ActionOutcome(ActionOutcomeKind.Done, $"snapshot {Snapshot}, a copy of {Source}, is {copy.DBClusterSnapshot.Status ?? "requested"}");
        }
        catch (RdsException exists) when (exists.Kind == RdsErrorKind.AlreadyExists)
        {
            return new ActionOutcome(ActionOutcomeKind.AlreadyDone, $"snapshot {Snapshot} already exists");
        }
        catch (RdsException error)
        {
            return ActionOutcome.From(error, Summary);
        }
    }
}
