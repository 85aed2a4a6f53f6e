using System.Xml.Linq;
using LabRunner.Rds.Model;
using LabRunner.Rds.Protocol;

namespace LabRunner.Rds.Passes;

/// <summary>
/// The Describe calls as Query-API forms and their result readers, whatever carries them: the pass recorder presigns each
/// form, the pass replay sends the presigned GET a learner made for it.
/// </summary>
public abstract partial class FormReadApi : IRdsReadApi
{
    public Task<DescribeDBClustersResponse> DescribeDBClustersAsync(DescribeDBClustersRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(RequestWriter.Write(request), ResponseReader.DescribeDBClusters, cancellationToken);

    public Task<DescribeDBClusterSnapshotsResponse> DescribeDBClusterSnapshotsAsync(DescribeDBClusterSnapshotsRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(RequestWriter.Write(request), ResponseReader.DescribeDBClusterSnapshots, cancellationToken);

    public Task<DescribeDBClusterSnapshotAttributesResponse> DescribeDBClusterSnapshotAttributesAsync(DescribeDBClusterSnapshotAttributesRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(RequestWriter.Write(request), ResponseReader.DescribeDBClusterSnapshotAttributes, cancellationToken);

    internal abstract Task<T> CallAsync<T>(RequestForm form, Func<XElement, T> read, CancellationToken cancellationToken);
}
