using System.Xml.Linq;
using LabRunner.Rds.Model;
using LabRunner.Rds.Protocol;

// Restoring a cluster from a snapshot and removing it again: RestoreDBClusterFromSnapshot, CreateDBInstance (its
// writer), DeleteDBInstance and DeleteDBCluster, in one file.

namespace LabRunner.Rds.Model
{
    public sealed record RestoreDBClusterFromSnapshotRequest(string DBClusterIdentifier, string SnapshotIdentifier, string Engine)
    {
        public string? EngineVersion { get; init; }
    }

    public sealed record RestoreDBClusterFromSnapshotResponse(DBCluster DBCluster);

    /// <summary>An instance in a cluster: the cluster gives it its storage, backups and engine version.</summary>
    public sealed record CreateDBInstanceRequest(string DBInstanceIdentifier, string DBInstanceClass, string Engine)
    {
        public string? DBClusterIdentifier { get; init; }
    }

    public sealed record CreateDBInstanceResponse(DBInstance DBInstance);

    public sealed record DeleteDBInstanceRequest(string DBInstanceIdentifier);

    public sealed record DeleteDBInstanceResponse(DBInstance DBInstance);

    /// <summary>Deletes a cluster with no instances left; LabRunner never keeps a final snapshot of what it restored.</summary>
    public sealed record DeleteDBClusterRequest(string DBClusterIdentifier)
    {
        public bool SkipFinalSnapshot { get; init; } = true;
    }

    public sealed record DeleteDBClusterResponse(DBCluster DBCluster);
}

namespace LabRunner.Rds
{
    public partial interface IRdsApi
    {
        Task<RestoreDBClusterFromSnapshotResponse> RestoreDBClusterFromSnapshotAsync(RestoreDBClusterFromSnapshotRequest request, CancellationToken cancellationToken = default);

        Task<CreateDBInstanceResponse> CreateDBInstanceAsync(CreateDBInstanceRequest request, CancellationToken cancellationToken = default);

        Task<DeleteDBInstanceResponse> DeleteDBInstanceAsync(DeleteDBInstanceRequest request, CancellationToken cancellationToken = default);

        Task<DeleteDBClusterResponse> DeleteDBClusterAsync(DeleteDBClusterRequest request, CancellationToken cancellationToken = default);
    }

    public sealed partial class RdsQueryClient
    {
        public Task<RestoreDBClusterFromSnapshotResponse> RestoreDBClusterFromSnapshotAsync(RestoreDBClusterFromSnapshotRequest request, CancellationToken cancellationToken = default) =>
            transport.CallAsync(RequestWriter.Write(request), result => new RestoreDBClusterFromSnapshotResponse(ResponseReader.Cluster(result)), cancellationToken);

        public Task<CreateDBInstanceResponse> CreateDBInstanceAsync(CreateDBInstanceRequest request, CancellationToken cancellationToken = default) =>
            transport.CallAsync(RequestWriter.Write(request), result => new CreateDBInstanceResponse(ResponseReader.Instance(result)), cancellationToken);

        public Task<DeleteDBInstanceResponse> DeleteDBInstanceAsync(DeleteDBInstanceRequest request, CancellationToken cancellationToken = default) =>
            transport.CallAsync(RequestWriter.Write(request), result => new DeleteDBInstanceResponse(ResponseReader.Instance(result)), cancellationToken);

        public Task<DeleteDBClusterResponse> DeleteDBClusterAsync(DeleteDBClusterRequest request, CancellationToken cancellationToken = default) =>
            transport.CallAsync(RequestWriter.Write(request), result => new DeleteDBClusterResponse(ResponseReader.Cluster(result)), cancellationToken);
    }
}

namespace LabRunner.Rds.Protocol
{
    internal static partial class RequestWriter
    {
        public static RequestForm Write(RestoreDBClusterFromSnapshotRequest r) => new RequestForm("RestoreDBClusterFromSnapshot")
            .Add("DBClusterIdentifier", r.DBClusterIdentifier)
            .Add("SnapshotIdentifier", r.SnapshotIdentifier)
            .Add("Engine", r.Engine)
            .Add("EngineVersion", r.EngineVersion);

        public static RequestForm Write(CreateDBInstanceRequest r) => new RequestForm("CreateDBInstance")
            .Add("DBInstanceIdentifier", r.DBInstanceIdentifier)
            .Add("DBInstanceClass", r.DBInstanceClass)
            .Add("Engine", r.Engine)
            .Add("DBClusterIdentifier", r.DBClusterIdentifier);

        public static RequestForm Write(DeleteDBInstanceRequest r) => new RequestForm("DeleteDBInstance")
            .Add("DBInstanceIdentifier", r.DBInstanceIdentifier);

        public static RequestForm Write(DeleteDBClusterRequest r) => new RequestForm("DeleteDBCluster")
            .Add("DBClusterIdentifier", r.DBClusterIdentifier)
            .Add("SkipFinalSnapshot", r.SkipFinalSnapshot);
    }

    internal static partial class ResponseReader
    {
        public static DBCluster Cluster(XElement result) => ShapeReader.DBCluster(Required(result, "DBCluster"));

        public static DBInstance Instance(XElement result) => ShapeReader.DBInstance(Required(result, "DBInstance"));
    }
}
