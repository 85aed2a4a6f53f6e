using LabRunner.Rds.Model;

namespace LabRunner.Rds.Protocol;

/// <summary>Each request record as the form fields of its Query-API action (member names from the service model).</summary>
internal static partial class RequestWriter
{
    public static QueryParameters Write(DescribeDBClustersRequest r) => new QueryParameters(DescribeDBClustersRequest.Operation)
        .Add("DBClusterIdentifier", r.DBClusterIdentifier)
        .AddFilters(r.Filters)
        .Add("MaxRecords", r.MaxRecords)
        .Add("Marker", r.Marker);

    public static QueryParameters Write(DescribeDBClusterSnapshotsRequest r) => new QueryParameters(DescribeDBClusterSnapshotsRequest.Operation)
        .Add("DBClusterIdentifier", r.DBClusterIdentifier)
        .Add("DBClusterSnapshotIdentifier", r.DBClusterSnapshotIdentifier)
        .Add("SnapshotType", r.SnapshotType)
        .AddFilters(r.Filters)
        .Add("MaxRecords", r.MaxRecords)
        .Add("Marker", r.Marker)
        .Add("IncludeShared", r.IncludeShared)
        .Add("IncludePublic", r.IncludePublic);

    public static QueryParameters Write(CreateDBClusterSnapshotRequest r) => new QueryParameters("CreateDBClusterSnapshot")
        .Add("DBClusterSnapshotIdentifier", r.DBClusterSnapshotIdentifier)
        .Add("DBClusterIdentifier", r.DBClusterIdentifier);

    public static QueryParameters Write(DeleteDBClusterSnapshotRequest r) => new QueryParameters("DeleteDBClusterSnapshot")
        .Add("DBClusterSnapshotIdentifier", r.DBClusterSnapshotIdentifier);

    public static QueryParameters Write(CopyDBClusterSnapshotRequest r) => new QueryParameters("CopyDBClusterSnapshot")
        .Add("SourceDBClusterSnapshotIdentifier", r.SourceDBClusterSnapshotIdentifier)
        .Add("TargetDBClusterSnapshotIdentifier", r.TargetDBClusterSnapshotIdentifier)
        .Add("CopyTags", r.CopyTags);

    public static QueryParameters Write(ModifyDBClusterSnapshotAttributeRequest r) => new QueryParameters("ModifyDBClusterSnapshotAttribute")
        .Add("DBClusterSnapshotIdentifier", r.DBClusterSnapshotIdentifier)
        .Add("AttributeName", r.AttributeName)
        .AddList("ValuesToAdd", "AttributeValue", r.ValuesToAdd)
        .AddList("ValuesToRemove", "AttributeValue", r.ValuesToRemove);

    public static QueryParameters Write(DescribeDBClusterSnapshotAttributesRequest r) => new QueryParameters("DescribeDBClusterSnapshotAttributes")
        .Add("DBClusterSnapshotIdentifier", r.DBClusterSnapshotIdentifier);

    public static QueryParameters Write(ModifyDBClusterRequest r) => new QueryParameters("ModifyDBCluster")
        .Add("DBClusterIdentifier", r.DBClusterIdentifier)
        .Add("PreferredBackupWindow", r.PreferredBackupWindow)
        .Add("PreferredMaintenanceWindow", r.PreferredMaintenanceWindow)
        .Add("BackupRetentionPeriod", r.BackupRetentionPeriod)
        .Add("EngineVersion", r.EngineVersion)
        .Add("ApplyImmediately", r.ApplyImmediately);
}
