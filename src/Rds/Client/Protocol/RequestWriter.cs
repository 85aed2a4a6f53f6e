using LabRunner.Rds.Model;

namespace LabRunner.Rds.Protocol;

/// <summary>Each request record as the form fields of its Query-API action (member names from the service model).</summary>
internal static partial class RequestWriter
{
    public static RequestForm Write(DescribeDBClustersRequest r) => new RequestForm(DescribeDBClustersRequest.Operation)
        .Add("DBClusterIdentifier", r.DBClusterIdentifier)
        .AddFilters(r.Filters)
        .Add("MaxRecords", r.MaxRecords)
        .Add("Marker", r.Marker);

    public static RequestForm Write(DescribeDBClusterSnapshotsRequest r) => new RequestForm(DescribeDBClusterSnapshotsRequest.Operation)
        .Add("DBClusterIdentifier", r.DBClusterIdentifier)
        .Add("DBClusterSnapshotIdentifier", r.DBClusterSnapshotIdentifier)
        .Add("SnapshotType", r.SnapshotType)
        .AddFilters(r.Filters)
        .Add("MaxRecords", r.MaxRecords)
        .Add("Marker", r.Marker)
        .Add("IncludeShared", r.IncludeShared)
        .Add("IncludePublic", r.IncludePublic);

    public static RequestForm Write(CreateDBClusterSnapshotRequest r) => new RequestForm("CreateDBClusterSnapshot")
        .Add("DBClusterSnapshotIdentifier", r.DBClusterSnapshotIdentifier)
        .Add("DBClusterIdentifier", r.DBClusterIdentifier);

    public static RequestForm Write(DeleteDBClusterSnapshotRequest r) => new RequestForm("DeleteDBClusterSnapshot")
        .Add("DBClusterSnapshotIdentifier", r.DBClusterSnapshotIdentifier);

    public static RequestForm Write(CopyDBClusterSnapshotRequest r) => new RequestForm("CopyDBClusterSnapshot")
        .Add("SourceDBClusterSnapshotIdentifier", r.SourceDBClusterSnapshotIdentifier)
        .Add("TargetDBClusterSnapshotIdentifier", r.TargetDBClusterSnapshotIdentifier)
        .Add("CopyTags", r.CopyTags);

    public static RequestForm Write(ModifyDBClusterSnapshotAttributeRequest r) => new RequestForm("ModifyDBClusterSnapshotAttribute")
        .Add("DBClusterSnapshotIdentifier", r.DBClusterSnapshotIdentifier)
        .Add("AttributeName", r.AttributeName)
        .AddList("ValuesToAdd", "AttributeValue", r.ValuesToAdd)
        .AddList("ValuesToRemove", "AttributeValue", r.ValuesToRemove);

    public static RequestForm Write(DescribeDBClusterSnapshotAttributesRequest r) => new RequestForm("DescribeDBClusterSnapshotAttributes")
        .Add("DBClusterSnapshotIdentifier", r.DBClusterSnapshotIdentifier);

    public static RequestForm Write(ModifyDBClusterRequest r) => new RequestForm("ModifyDBCluster")
        .Add("DBClusterIdentifier", r.DBClusterIdentifier)
        .Add("PreferredBackupWindow", r.PreferredBackupWindow)
        .Add("PreferredMaintenanceWindow", r.PreferredMaintenanceWindow)
        .Add("BackupRetentionPeriod", r.BackupRetentionPeriod)
        .Add("EngineVersion", r.EngineVersion)
        .Add("ApplyImmediately", r.ApplyImmediately);
}
