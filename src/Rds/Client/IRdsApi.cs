using LabRunner.Rds.Model;

namespace LabRunner.Rds;

/// <summary>The Describe calls LabRunner reads state with: what a read-only front may use, and all it may use.</summary>
public partial interface IRdsReadApi
{
    Task<DescribeDBClustersResponse> DescribeDBClustersAsync(DescribeDBClustersRequest request, CancellationToken cancellationToken = default);

    Task<DescribeDBClusterSnapshotsResponse> DescribeDBClusterSnapshotsAsync(DescribeDBClusterSnapshotsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Who a snapshot is shared with: its <c>restore</c> attribute.</summary>
    Task<DescribeDBClusterSnapshotAttributesResponse> DescribeDBClusterSnapshotAttributesAsync(DescribeDBClusterSnapshotAttributesRequest request, CancellationToken cancellationToken = default);
}

/// <summary>
/// The RDS operations LabRunner uses, shaped like AWSSDK.RDS's <c>IAmazonRDS</c> so it could be swapped for it.
/// Every implementation speaks the RDS Query API over HTTP; failures surface as <see cref="RdsException"/>.
/// </summary>
public partial interface IRdsApi : IRdsReadApi
{
    Task<CreateDBClusterSnapshotResponse> CreateDBClusterSnapshotAsync(CreateDBClusterSnapshotRequest request, CancellationToken cancellationToken = default);

    Task<DeleteDBClusterSnapshotResponse> DeleteDBClusterSnapshotAsync(DeleteDBClusterSnapshotRequest request, CancellationToken cancellationToken = default);

    Task<CopyDBClusterSnapshotResponse> CopyDBClusterSnapshotAsync(CopyDBClusterSnapshotRequest request, CancellationToken cancellationToken = default);

    Task<ModifyDBClusterSnapshotAttributeResponse> ModifyDBClusterSnapshotAttributeAsync(ModifyDBClusterSnapshotAttributeRequest request, CancellationToken cancellationToken = default);

    Task<ModifyDBClusterResponse> ModifyDBClusterAsync(ModifyDBClusterRequest request, CancellationToken cancellationToken = default);
}
