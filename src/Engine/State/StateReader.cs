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

    public async Task<StateSnapshot> ReadAsync(StateQuery query, CancellationToken cancellationToken = default)
    {
        var failures = new Dictionary<ResourceKind, RdsException>();
        var clusters = await ReadKindAsync(ResourceKind.Cluster, query, failures, ids =>
            AllPagesAsync<DescribeDBClustersRequest, DescribeDBClustersResponse, DBCluster>(new DescribeDBClustersRequest { Filters = IdFilter("db-cluster-id", ids), MaxRecords = PageSize },
                rds.DescribeDBClustersAsync, cancellationToken));
        var instances = await ReadKindAsync(ResourceKind.Instance, query, failures, ids =>
            AllPagesAsync<DescribeDBInstancesRequest, DescribeDBInstancesResponse, DBInstance>(new DescribeDBInstancesRequest { Filters = IdFilter("db-instance-id", ids), MaxRecords = PageSize },
                rds.DescribeDBInstancesAsync, cancellationToken));
        var snapshots = await ReadKindAsync(ResourceKind.ClusterSnapshot, query, failures, ids =>
            AllPagesAsync<DescribeDBClusterSnapshotsRequest, DescribeDBClusterSnapshotsResponse, DBClusterSnapshot>(new DescribeDBClusterSnapshotsRequest { Filters = IdFilter("db-cluster-snapshot-id", ids), MaxRecords = PageSize },
                rds.DescribeDBClusterSnapshotsAsync, cancellationToken));
        return new StateSnapshot(time.GetUtcNow(), clusters, instances, snapshots, failures);
    }

    private static async Task<IReadOnlyList<T>> ReadKindAsync<T>(
        ResourceKind kind,
        StateQuery query,
        Dictionary<ResourceKind, RdsException> failures,
        Func<IReadOnlyCollection<string>?, Task<IReadOnlyList<T>>> read)
    {
        if (!query.Kinds.Contains(kind))
            return [];
        var identifiers = query.Identifiers(kind);
        if (identifiers is { Count: 0 })
            return [];
        try
        {
            return await read(identifiers);
        }
        catch (RdsException failure)
        {
            failures[kind] = failure;
            return [];
        }
    }

    /// <summary>A filter on the identifiers wanted; none when everything is wanted. A missing identifier is then simply absent, not a NotFound fault.</summary>
    private static IReadOnlyList<Filter> IdFilter(string name, IReadOnlyCollection<string>? identifiers) =>
        identifiers is null ? [] : [new Filter(name, identifiers.Order(StringComparer.Ordinal).ToList())];

    private static async Task<IReadOnlyList<TItem>> AllPagesAsync<TRequest, TResponse, TItem>(
        TRequest request,
        Func<TRequest, CancellationToken, Task<TResponse>> describe,
        CancellationToken cancellationToken)
        where TRequest : IPagedRequest<TRequest>
        where TResponse : IPagedResponse<TItem>
    {
        var items = new List<TItem>();
        var page = request;
        while (true)
        {
            var response = await describe(page, cancellationToken);
            items.AddRange(response.Items);
            if (string.IsNullOrEmpty(response.Marker))
                return items;
            page = page.WithMarker(response.Marker);
        }
    }
}
