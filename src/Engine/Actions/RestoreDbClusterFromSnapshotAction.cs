using LabRunner.Content.Learners;
using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.Actions;

/// <summary><c>restore-db-cluster-from-snapshot</c>: a new cluster from the learner's snapshot, then its writer instance.</summary>
public sealed class RestoreDbClusterFromSnapshotActionKind : IActionKind
{
    public string Name => "restore-db-cluster-from-snapshot";

    public IAction Bind(BoundSpec spec) => new RestoreDbClusterFromSnapshotAction(
        spec.Required("snapshot"), spec.Required("cluster"), spec.Required("writer-instance"), spec.Required("engine"), spec.Required("instance-class"));
}

/// <remarks>Both calls return at once with the cluster and instance <c>creating</c>; the step's wait follows them to <c>available</c>.</remarks>
public sealed record RestoreDbClusterFromSnapshotAction(string Snapshot, string Cluster, string Writer, string Engine, string InstanceClass) : IAction
{
    public string Summary => $"restore snapshot {Snapshot} to a new cluster {Cluster} with writer instance {Writer} ({InstanceClass})";

    public IReadOnlyList<string> Identifiers => [Snapshot, Cluster, Writer];

    public IReadOnlyList<string> Creates => [Cluster, Writer];

    public IReadOnlyList<string> ApiActions => ["rds:RestoreDBClusterFromSnapshot", "rds:CreateDBInstance"];

    /// <summary>Billed from the moment it is created on AWS: fronts show it before asking.</summary>
    public string CostWarning =>
        $"On AWS this creates a real cluster and a {InstanceClass} instance, billed by the hour until cleanup deletes them (x on the recap, or labrunner cleanup).";

    public AwsCliCommand CliCommand => new("restore-db-cluster-from-snapshot",
    [
        new("--db-cluster-identifier", Cluster),
        new("--snapshot-identifier", Snapshot),
        new("--engine", Engine),
    ])
    {
        Then = new AwsCliCommand("create-db-instance",
        [
            new("--db-instance-identifier", Writer),
            new("--db-cluster-identifier", Cluster),
            new("--db-instance-class", InstanceClass),
            new("--engine", Engine),
        ]),
    };

    /// <summary>A cluster or instance of these names already there is taken as the learner's own earlier restore (the names are theirs alone).</summary>
    public async Task<ActionOutcome> PerformAsync(IRdsApi rds, CancellationToken cancellationToken = default)
    {
        try
        {
            var restored = await SettledCall.ChangedAsync(() => rds.RestoreDBClusterFromSnapshotAsync(new RestoreDBClusterFromSnapshotRequest(Cluster, Snapshot, Engine), cancellationToken), RdsErrorKind.AlreadyExists);
            var writer = await SettledCall.ChangedAsync(() => rds.CreateDBInstanceAsync(new CreateDBInstanceRequest(Writer, InstanceClass, Engine) { DBClusterIdentifier = Cluster }, cancellationToken), RdsErrorKind.AlreadyExists);
            return restored || writer
                ? new ActionOutcome(ActionOutcomeKind.Done, $"cluster {Cluster} and its writer {Writer} are being created from snapshot {Snapshot}")
                : new ActionOutcome(ActionOutcomeKind.AlreadyDone, $"cluster {Cluster} and its writer {Writer} already exist");
        }
        catch (RdsException error)
        {
            return ActionOutcome.From(error, Summary);
        }
    }
}
