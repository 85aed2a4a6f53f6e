using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.State;

/// <summary>
/// The RDS state read for one evaluation, by identifier; checks judge it in memory. A kind whose Describe failed
/// carries the failure instead, so checks needing it report an error while the others still judge.
/// </summary>
public sealed class StateSnapshot
{
    private readonly IReadOnlyDictionary<string, DBCluster> clusters;
    private readonly IReadOnlyDictionary<string, DBInstance> instances;
    private readonly IReadOnlyDictionary<string, DBClusterSnapshot> snapshots;
    private readonly IReadOnlyDictionary<ResourceKind, RdsException> failures;

    public StateSnapshot(
        DateTimeOffset readAt,
        IEnumerable<DBCluster>? clusters = null,
        IEnumerable<DBInstance>? instances = null,
        IEnumerable<DBClusterSnapshot>? snapshots = null,
        IReadOnlyDictionary<ResourceKind, RdsException>? failures = null)
    {
        ReadAt = readAt;
        this.clusters = Index(clusters, cluster => cluster.DBClusterIdentifier);
        this.instances = Index(instances, instance => instance.DBInstanceIdentifier);
        this.snapshots = Index(snapshots, snapshot => snapshot.DBClusterSnapshotIdentifier);
        this.failures = failures ?? new Dictionary<ResourceKind, RdsException>();
    }

    public DateTimeOffset ReadAt { get; }

    public IEnumerable<DBCluster> Clusters => clusters.Values;

    public IEnumerable<DBInstance> Instances => instances.Values;

    public IEnumerable<DBClusterSnapshot> ClusterSnapshots => snapshots.Values;

    public DBCluster? Cluster(string identifier) => clusters.GetValueOrDefault(identifier);

    public DBInstance? Instance(string identifier) => instances.GetValueOrDefault(identifier);

    public DBClusterSnapshot? ClusterSnapshot(string identifier) => snapshots.GetValueOrDefault(identifier);

    /// <summary>Why <paramref name="kind"/> could not be read, or null when it was.</summary>
    public RdsException? Failure(ResourceKind kind) => failures.GetValueOrDefault(kind);

    public IReadOnlyDictionary<ResourceKind, RdsException> Failures => failures;

    private static Dictionary<string, T> Index<T>(IEnumerable<T>? items, Func<T, string> identifier)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items ?? [])
            index[identifier(item).ToLowerInvariant()] = item;
        return index;
    }
}
