using LabRunner.Rds.Model;
using LabRunner.Rds.Protocol;

namespace LabRunner.Rds;

/// <summary>
/// <see cref="IRdsApi"/> over the RDS Query API (form POST, SigV4, XML), the same against AWS, moto and the sandbox.
/// Create it with <see cref="RdsClientFactory.CreateAsync"/>.
/// </summary>
public sealed partial class RdsQueryClient : IRdsApi, IDisposable
{
    private readonly QueryTransport transport;

    internal RdsQueryClient(RdsTargetInfo target, Amazon.Runtime.AWSCredentials credentials, RdsClientOptions options)
    {
        Target = target;
        Stats = options.Stats ?? new RdsCallStats();
        transport = new QueryTransport(target, credentials, options, Stats);
    }

    public RdsTargetInfo Target { get; }

    public RdsCallStats Stats { get; }

    public Task<DescribeDBClustersResponse> DescribeDBClustersAsync(DescribeDBClustersRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.DescribeDBClusters, cancellationToken);

    public Task<DescribeDBClusterSnapshotsResponse> DescribeDBClusterSnapshotsAsync(DescribeDBClusterSnapshotsRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.DescribeDBClusterSnapshots, cancellationToken);

    public Task<CreateDBClusterSnapshotResponse> CreateDBClusterSnapshotAsync(CreateDBClusterSnapshotRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.CreateDBClusterSnapshot, cancellationToken);

    public Task<DeleteDBClusterSnapshotResponse> DeleteDBClusterSnapshotAsync(DeleteDBClusterSnapshotRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.DeleteDBClusterSnapshot, cancellationToken);

    public Task<CopyDBClusterSnapshotResponse> CopyDBClusterSnapshotAsync(CopyDBClusterSnapshotRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.CopyDBClusterSnapshot, cancellationToken);

    public Task<ModifyDBClusterSnapshotAttributeResponse> ModifyDBClusterSnapshotAttributeAsync(ModifyDBClusterSnapshotAttributeRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.ModifyDBClusterSnapshotAttribute, cancellationToken);

    public Task<DescribeDBClusterSnapshotAttributesResponse> DescribeDBClusterSnapshotAttributesAsync(DescribeDBClusterSnapshotAttributesRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.DescribeDBClusterSnapshotAttributes, cancellationToken);

    public Task<ModifyDBClusterResponse> ModifyDBClusterAsync(ModifyDBClusterRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.ModifyDBCluster, cancellationToken);

    /// <summary>Any Query-API action, for test tooling that seeds peers (e.g. CreateDBCluster on moto); not part of <see cref="IRdsApi"/>.</summary>
    internal Task<T> CallAsync<T>(RequestForm parameters, Func<System.Xml.Linq.XElement, T> read, CancellationToken cancellationToken) =>
        transport.CallAsync(parameters, read, cancellationToken);

    public void Dispose() => transport.Dispose();
}
