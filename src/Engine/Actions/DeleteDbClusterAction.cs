using LabRunner.Content.Learners;
using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.Actions;

/// <summary><c>delete-db-cluster</c>: removes a cluster the lab created (cleanup), its writer instance first, with no final snapshot.</summary>
public sealed class DeleteDbClusterActionKind : IActionKind
{
    public string Name => "delete-db-cluster";

    public IAction Bind(BoundSpec spec) => new DeleteDbClusterAction(spec.Required("cluster"), spec.Text("writer-instance"));
}

public sealed record DeleteDbClusterAction(string Cluster, string? Writer) : IAction
{
    public string Summary => Writer is null ? $"delete cluster {Cluster}" : $"delete instance {Writer} and cluster {Cluster}";

    public IReadOnlyList<string> Identifiers => Writer is null ? [Cluster] : [Writer, Cluster];

    public IReadOnlyList<string> ApiActions => Writer is null ? ["rds:DeleteDBCluster"] : ["rds:DeleteDBInstance", "rds:DeleteDBCluster"];

    public AwsCliCommand CliCommand => Writer is null
        ? DeleteCluster
        : new AwsCliCommand("delete-db-instance", [new("--db-instance-identifier", Writer)]) { Then = DeleteCluster };

    private AwsCliCommand DeleteCluster => new("delete-db-cluster", [new("--db-cluster-identifier", Cluster), new("--skip-final-snapshot", null)]);

    /// <summary>What is already gone is success; RDS accepts the cluster's deletion once its instance is deleting.</summary>
    public async Task<ActionOutcome> PerformAsync(IRdsApi rds, CancellationToken cancellationToken = default)
    {
        try
        {
            var instanceDeleted = Writer is not null && await SettledCall.ChangedAsync(() => rds.DeleteDBInstanceAsync(new DeleteDBInstanceRequest(Writer), cancellationToken), RdsErrorKind.NotFound);
            var clusterDeleted = await SettledCall.ChangedAsync(() => rds.DeleteDBClusterAsync(new DeleteDBClusterRequest(Cluster), cancellationToken), RdsErrorKind.NotFound);
            return instanceDeleted || clusterDeleted
                ? new ActionOutcome(ActionOutcomeKind.Done, $"cluster {Cluster} is being deleted")
                : new ActionOutcome(ActionOutcomeKind.AlreadyDone, $"cluster {Cluster} was already gone");
        }
        catch (RdsException error)
        {
            return ActionOutcome.From(error, Summary);
        }
    }
}
