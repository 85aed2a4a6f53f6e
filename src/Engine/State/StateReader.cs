using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.State;

/// <summary>
/// Reads what a <see cref="StateQuery"/> asks for with one paginated Describe per resource kind: filtered by
/// identifier for one learner, unfiltered for a whole account.
/// </summary>
public sealed class StateReader(IRdsApi rds, TimeProvider time)
{
    /// <summary>RDS's largest page.</summary>
    public const int PageSize = 100;

    /// <summary>Reads each kind the query names, the kinds concurrently; a kind that fails is recorded in the snapshot, not thrown.</summary>
    public async Task<StateSnapshot> ReadAsync(StateQuery query, CancellationToken cancellationToken = default)
    {
        var clusters = ReadKindAsync(ResourceKind.Cluster, query, ids =>
            rds.DescribeAllDBClustersAsync(
                new DescribeDBClustersRequest { Filters = IdFilter("db-cluster-id", ids), MaxRecords = PageSize }, cancellationToken));
        var instances = ReadKindAsync(ResourceKind.Instance, query, ids =>
            rds.DescribeAllDBInstancesAsync(
                new DescribeDBInstancesRequest { Filters = IdFilter("db-instance-id", ids), MaxRecords = PageSize }, cancellationToken));
        var snapshots = ReadKindAsync(ResourceKind.ClusterSnapshot, query, ids =>
            rds.DescribeAllDBClusterSnapshotsAsync(
                new DescribeDBClusterSnapshotsRequest { Filters = IdFilter("db-cluster-snapshot-id", ids), MaxRecords = PageSize }, cancellationToken));
        await Task.WhenAll(clusters, instances, snapshots);
        var failures = new[]
            {
                (Kind: ResourceKind.Cluster, clusters.Result.Failure),
                (Kind: ResourceKind.Instance, instances.Result.Failure),
                (Kind: ResourceKind.ClusterSnapshot, snapshots.Result.Failure),
            }
            .Where(read => read.Failure is not null)
            .ToDictionary(read => read.Kind, read => read.Failure!);
        return new StateSnapshot(time.GetUtcNow(), clusters.Result.Items, instances.Result.Items, snapshots.Result.Items, failures);
    }

    private static async Task<(IReadOnlyList<T> Items, RdsException? Failure)> ReadKindAsync<T>(
        ResourceKind kind,
        StateQuery query,
        Func<IReadOnlyCollection<string>?, IAsyncEnumerable<T>> read)
    {
        if (!query.Kinds.Contains(kind) || query.Identifiers(kind) is { Count: 0 })
            return ([], null);
        try
        {
            return (await read(query.Identifiers(kind)).ToListAsync(), null);
        }
        catch (RdsException failure)
        {
            return ([], failure);
        }
    }

    /// <summary>A filter on the identifiers wanted; none when everything is wanted. A missing identifier is then simply absent, not a NotFound fault.</summary>
    private static IReadOnlyList<Filter> IdFilter(string name, IReadOnlyCollection<string>? identifiers) =>
        identifiers is null ? [] : [new Filter(name, identifiers.Order(StringComparer.Ordinal).ToList())];
}
