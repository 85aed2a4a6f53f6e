using LabRunner.Content.Learners;
using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.Actions;

/// <summary><c>delete-db-cluster-snapshot</c>: removes the learner's manual snapshot (cleanup).</summary>
public sealed class DeleteDbClusterSnapshotActionKind : IActionKind
{
    public string Name => "delete-db-cluster-snapshot";

    public IAction Bind(BoundSpec spec) => new DeleteDbClusterSnapshotAction(spec.Required("snapshot"));
}

public sealed record DeleteDbClusterSnapshotAction(string Snapshot) : IAction
{
    public string Summary => $"delete snapshot {Snapshot}";

    public IReadOnlyList<string> Identifiers => [Snapshot];

    public IReadOnlyList<string> ApiActions => ["rds:DeleteDBClusterSnapshot"];

    public AwsCliCommand CliCommand => new("delete-db-cluster-snapshot", [new("--db-cluster-snapshot-identifier", Snapshot)]);

    /// <summary>A snapshot that is already gone is success.</summary>
    public async Task<ActionOutcome> PerformAsync(IRdsApi rds, CancellationToken cancellationToken = default)
    {
        try
        {
            await rds.DeleteDBClusterSnapshotAsync(new DeleteDBClusterSnapshotRequest(Snapshot), cancellationToken);
            return new ActionOutcome(ActionOutcomeKind.Done, $"snapshot {Snapshot} deleted");
        }
        catch (RdsException gone) when (gone.Kind == RdsErrorKind.NotFound)
        {
            return new ActionOutcome(ActionOutcomeKind.AlreadyDone, $"snapshot {Snapshot} was already gone");
        }
        catch (RdsException error)
        {
            return ActionOutcome.From(error, Summary);
        }
    }
}
