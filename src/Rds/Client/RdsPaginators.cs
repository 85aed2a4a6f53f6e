using System.Runtime.CompilerServices;
using LabRunner.Rds.Model;

namespace LabRunner.Rds;

/// <summary>Describe calls as async streams that follow <c>Marker</c> until RDS sends none.</summary>
public static partial class RdsPaginators
{
    public static IAsyncEnumerable<DBCluster> DescribeAllDBClustersAsync(
        this IRdsReadApi api, DescribeDBClustersRequest request, CancellationToken cancellationToken = default) =>
        Items<DescribeDBClustersRequest, DescribeDBClustersResponse, DBCluster>(request, api.DescribeDBClustersAsync, cancellationToken);

    public static IAsyncEnumerable<DBClusterSnapshot> DescribeAllDBClusterSnapshotsAsync(
        this IRdsReadApi api, DescribeDBClusterSnapshotsRequest request, CancellationToken cancellationToken = default) =>
        Items<DescribeDBClusterSnapshotsRequest, DescribeDBClusterSnapshotsResponse, DBClusterSnapshot>(request, api.DescribeDBClusterSnapshotsAsync, cancellationToken);

    /// <summary>More pages than any account needs (100,000 records at RDS's largest page): a server still sending Markers after that never stops.</summary>
    public const int MaxPages = 1000;

    /// <summary>
    /// Every page, starting from <paramref name="request"/>'s own <c>Marker</c>. A server that sends a marker it sent
    /// before (a cycle of any length), or more than <see cref="MaxPages"/> pages, is an error, not an endless loop.
    /// </summary>
    public static async IAsyncEnumerable<TResponse> Pages<TRequest, TResponse>(
        TRequest request,
        Func<TRequest, CancellationToken, Task<TResponse>> fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : IPagedRequest<TRequest>
        where TResponse : IPagedResponse
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = request;
        for (var pages = 1; ; pages++)
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
                throw new RdsException(
                    RdsErrorKind.Service,
                    "PaginationLoop",
                    $"{TRequest.Operation} sent the Marker '{Abbreviated(marker)}' on page {pages} that it had sent before; stopping instead of looping.");
            }

            if (pages == MaxPages)
            {
                throw new RdsException(
                    RdsErrorKind.Service,
                    "PaginationLimit",
                    $"{TRequest.Operation} still sent a Marker after {MaxPages} pages; stopping: no account needs that many.");
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

    private static string Abbreviated(string marker) => marker.Length <= 40 ? marker : string.Concat(marker.AsSpan(0, 40), "…");
}
