using LabRunner.Content.Learners;
using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.Actions;

/// <summary><c>create-db-cluster-snapshot</c>: a manual snapshot of the learner's cluster.</summary>
public sealed class CreateDbClusterSnapshotActionKind : IActionKind
{
    public string Name => "create-db-cluster-snapshot";

    public IAction Bind(BoundSpec spec) => new CreateDbClusterSnapshotAction(spec.Required("snapshot"), spec.Required("cluster"));
}

public sealed record CreateDbClusterSnapshotAction(string Snapshot, string Cluster) : IAction
{
    public string Summary => $"create snapshot {Snapshot} of cluster {Cluster}";

    public IReadOnlyList<string> Identifiers => [Snapshot, Cluster];

    public IReadOnlyList<string> ApiActions => ["rds:CreateDBClusterSnapshot", "rds:DescribeDBClusterSnapshots"];

    public AwsCliCommand CliCommand => new("create-db-cluster-snapshot",
    [
        new("--db-cluster-snapshot-identifier", Snapshot),
        new("--db-cluster-identifier", Cluster),
    ]);

    /// <summary>A snapshot of this name already taken of this cluster is success; of another cluster, a refusal naming it.</summary>
    public async Task<ActionOutcome> PerformAsync(IRdsApi rds, CancellationToken cancellationToken = default)
    {
        try
        {
            var created = await rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest(Snapshot, Cluster), cancellationToken);
            return new ActionOutcome(ActionOutcomeKind.Done, $"snapshot {Snapshot} of cluster {Cluster} is {created.DBClusterSnapshot.Status ?? "requested"}");
        }
        catch (RdsException exists) when (exists.Kind == RdsErrorKind.AlreadyExists)
        {
            return await ExistingAsync(rds, cancellationToken);
        }
        catch (RdsException error)
        {
            return ActionOutcome.From(error, Summary);
        }
    }

    private async Task<ActionOutcome> ExistingAsync(IRdsApi rds, CancellationToken cancellationToken)
    {
        try
        {
            var found = await rds.DescribeDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest { DBClusterSnapshotIdentifier = Snapshot }, cancellationToken);
            var owner = found.DBClusterSnapshots.FirstOrDefault()?.DBClusterIdentifier;
            return string.Equals(owner, Cluster, StringComparison.OrdinalIgnoreCase)
                ? new ActionOutcome(ActionOutcomeKind.AlreadyDone, $"snapshot {Snapshot} of cluster {Cluster} already exists")
                : new ActionOutcome(ActionOutcomeKind.Refused,
                    $"a snapshot named {Snapshot} already exists of cluster {owner ?? "unknown"}, not of {Cluster}; it was left alone");
        }
        catch (RdsException error)
        {
            return ActionOutcome.From(error, $"look up the existing snapshot {Snapshot}");
        }
    }
}
