using LabRunner.Rds.Model;

namespace LabRunner.Rds;

/// <summary>
/// A client reduced to its Describe calls. It keeps the full client private, so code handed this view has no way to
/// create, modify or delete anything: not by a cast, not by mistake.
/// </summary>
public sealed partial class ReadOnlyRdsApi(IRdsApi client, RdsCallStats stats) : IRdsReadApi
{
    public ReadOnlyRdsApi(RdsQueryClient client)
        : this(client, client.Stats)
    {
    }

    /// <summary>The requests the underlying client has sent so far.</summary>
    public RdsCallStats Stats { get; } = stats;

    public Task<DescribeDBClustersResponse> DescribeDBClustersAsync(DescribeDBClustersRequest request, CancellationToken cancellationToken = default) =>
        client.DescribeDBClustersAsync(request, cancellationToken);

    public Task<DescribeDBClusterSnapshotsResponse> DescribeDBClusterSnapshotsAsync(DescribeDBClusterSnapshotsRequest request, CancellationToken cancellationToken = default) =>
        client.DescribeDBClusterSnapshotsAsync(request, cancellationToken);

    public Task<DescribeDBClusterSnapshotAttributesResponse> DescribeDBClusterSnapshotAttributesAsync(DescribeDBClusterSnapshotAttributesRequest request, CancellationToken cancellationToken = default) =>
        client.DescribeDBClusterSnapshotAttributesAsync(request, cancellationToken);
}
