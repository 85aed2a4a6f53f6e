using System.Runtime.CompilerServices;
using LabRunner.Rds.Model;

namespace LabRunner.Rds;

/// <summary>Describe calls as async streams that follow <c>Marker</c> until RDS sends none.</summary>
public static class RdsPaginators
{
    public static IAsyncEnumerable<DBCluster> DescribeAllDBClustersAsync(
        this IRdsApi api, DescribeDBClustersRequest request, CancellationToken cancellationToken = default) =>
        Items<DescribeDBClustersRequest, DescribeDBClustersResponse, DBCluster>(request, api.DescribeDBClustersAsync, cancellationToken);

    public static IAsyncEnumerable<DBInstance> DescribeAllDBInstancesAsync(
        this IRdsApi api, DescribeDBInstancesRequest request, CancellationToken cancellationToken = default) =>
        Items<DescribeDBInstancesRequest, DescribeDBInstancesResponse, DBInstance>(request, api.DescribeDBInstancesAsync, cancellationToken);

    public static IAsyncEnumerable<DBClusterSnapshot> DescribeAllDBClusterSnapshotsAsync(
        this IRdsApi api, DescribeDBClusterSnapshotsRequest request, CancellationToken cancellationToken = default) =>
        Items<DescribeDBClusterSnapshotsRequest, DescribeDBClusterSnapshotsResponse, DBClusterSnapshot>(request, api.DescribeDBClusterSnapshotsAsync, cancellationToken);

    /// <summary>Every page, starting from <paramref name="request"/>'s own <c>Marker</c>. A server that repeats a marker is an error, not an endless loop.</summary>
    public static async IAsyncEnumerable<TResponse> Pages<TRequest, TResponse>(
        TRequest request,
        Func<TRequest, CancellationToken, Task<TResponse>> fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : IPagedRequest<TRequest>
        where TResponse : IPagedResponse
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = request;
        while (true)
        {
            var page = await fetch(next, cancellationToken).ConfigureAwait(false);
            yield return page;

            var marker = page.Marker;
            if (string.IsNullOrEmpty(marker))
            {
                yield break;
            }

            if (!seen.Add(marker))
            {
                throw new RdsException(RdsErrorKind.Service, "PaginationLoop", $"RDS sent the Marker '{marker}' twice; stopping instead of looping.");
            }

            next = next.WithMarker(marker);
        }
    }

    public static async IAsyncEnumerable<TItem> Items<TRequest, TResponse, TItem>(
        TRequest request,
        Func<TRequest, CancellationToken, Task<TResponse>> fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : IPagedRequest<TRequest>
        where TResponse : IPagedResponse<TItem>
    {
        await foreach (var page in Pages(request, fetch, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }
}
