using System.Xml.Linq;
using LabRunner.Rds.Model;

namespace LabRunner.Rds.Protocol;

/// <summary>The service model's structures as records. Members LabRunner does not model are ignored, as botocore ignores unknown ones.</summary>
internal static partial class ShapeReader
{
    public static DBCluster DBCluster(XElement e) => new()
    {
        DBClusterIdentifier = e.RequiredString("DBClusterIdentifier"),
        DBClusterArn = e.String("DBClusterArn"),
        Status = e.String("Status"),
        Engine = e.String("Engine"),
        EngineVersion = e.String("EngineVersion"),
        PercentProgress = e.String("PercentProgress"),
        DBClusterMembers = e.List("DBClusterMembers", "DBClusterMember", DBClusterMember),
        PreferredBackupWindow = e.String("PreferredBackupWindow"),
        PreferredMaintenanceWindow = e.String("PreferredMaintenanceWindow"),
        BackupRetentionPeriod = e.Int("BackupRetentionPeriod"),
        PendingModifiedValues = e.Child("PendingModifiedValues") is { } pending ? ClusterPendingModifiedValues(pending) : null,
        ClusterCreateTime = e.Timestamp("ClusterCreateTime"),
        AllocatedStorage = e.Int("AllocatedStorage"),
        Endpoint = e.String("Endpoint"),
        TagList = e.List("TagList", "Tag", Tag),
    };

    public static DBClusterMember DBClusterMember(XElement e) => new()
    {
        DBInstanceIdentifier = e.RequiredString("DBInstanceIdentifier"),
        IsClusterWriter = e.Bool("IsClusterWriter") ?? false,
        DBClusterParameterGroupStatus = e.String("DBClusterParameterGroupStatus"),
        PromotionTier = e.Int("PromotionTier"),
    };

    public static ClusterPendingModifiedValues ClusterPendingModifiedValues(XElement e) => new()
    {
        DBClusterIdentifier = e.String("DBClusterIdentifier"),
        EngineVersion = e.String("EngineVersion"),
        BackupRetentionPeriod = e.Int("BackupRetentionPeriod"),
        AllocatedStorage = e.Int("AllocatedStorage"),
        IAMDatabaseAuthenticationEnabled = e.Bool("IAMDatabaseAuthenticationEnabled"),
        MasterUserPassword = e.String("MasterUserPassword"),
        StorageType = e.String("StorageType"),
        Iops = e.Int("Iops"),
    };

    public static DBClusterSnapshot DBClusterSnapshot(XElement e) => new()
    {
        DBClusterSnapshotIdentifier = e.RequiredString("DBClusterSnapshotIdentifier"),
        DBClusterSnapshotArn = e.String("DBClusterSnapshotArn"),
        DBClusterIdentifier = e.String("DBClusterIdentifier"),
        Status = e.String("Status"),
        PercentProgress = e.Int("PercentProgress"),
        SnapshotType = e.String("SnapshotType"),
        Engine = e.String("Engine"),
        EngineVersion = e.String("EngineVersion"),
        AllocatedStorage = e.Int("AllocatedStorage"),
        StorageEncrypted = e.Bool("StorageEncrypted"),
        SnapshotCreateTime = e.Timestamp("SnapshotCreateTime"),
        ClusterCreateTime = e.Timestamp("ClusterCreateTime"),
        SourceDBClusterSnapshotArn = e.String("SourceDBClusterSnapshotArn"),
        TagList = e.List("TagList", "Tag", Tag),
    };

    public static DBClusterSnapshotAttributesResult DBClusterSnapshotAttributesResult(XElement e) => new()
    {
        DBClusterSnapshotIdentifier = e.RequiredString("DBClusterSnapshotIdentifier"),
        DBClusterSnapshotAttributes = e.List("DBClusterSnapshotAttributes", "DBClusterSnapshotAttribute", DBClusterSnapshotAttribute),
    };

    public static DBClusterSnapshotAttribute DBClusterSnapshotAttribute(XElement e) => new()
    {
        AttributeName = e.RequiredString("AttributeName"),
        AttributeValues = e.Strings("AttributeValues", "AttributeValue"),
    };
}
