using System.Xml;
using LabRunner.Sandbox.Rules;
using LabRunner.Sandbox.State;

namespace LabRunner.Sandbox.Protocol;

/// <summary>Writes the sandbox's resources as RDS's <c>DBCluster</c>, <c>DBInstance</c> and <c>DBClusterSnapshot</c> shapes, as seen at one instant.</summary>
/// <param name="accountOf">The account a resource (by identifier) belongs to, for its ARN; null for <paramref name="naming"/>'s.</param>
public sealed partial class ShapeWriter(Naming naming, DateTimeOffset now, Func<string, string?> accountOf)
{
    private Naming NamesOf(string resourceId) => naming.ForAccount(accountOf(resourceId));

    /// <param name="status">Overrides the computed status, e.g. <c>deleting</c> in DeleteDBCluster's answer.</param>
    public void Cluster(XmlWriter writer, ClusterRecord cluster, IEnumerable<InstanceRecord> members, string? status = null)
    {
        status ??= Lifecycle.ClusterStatus(cluster, now);
        writer.Element("AllocatedStorage", cluster.AllocatedStorage);
        writer.StringList("AvailabilityZones", "AvailabilityZone", naming.AvailabilityZones);
        writer.Element("BackupRetentionPeriod", cluster.BackupRetentionPeriod);
        writer.Element("DatabaseName", cluster.DatabaseName);
        writer.Element("DBClusterIdentifier", cluster.Id);
        writer.Element("DBClusterParameterGroup", ParameterGroupFamily(cluster.Engine, cluster.EngineVersion));
        writer.Element("DBSubnetGroup", "default");
        writer.Element("Status", status);
        if (status == "creating")
            writer.Element("PercentProgress", Lifecycle.ClusterPercentProgress(cluster, now));
        else
            writer.Element("EarliestRestorableTime", cluster.AvailableAt);
        writer.Element("Endpoint", naming.ClusterEndpoint(cluster.Id));
        writer.Element("ReaderEndpoint", naming.ClusterReaderEndpoint(cluster.Id));
        writer.Element("MultiAZ", false);
        writer.Element("Engine", cluster.Engine);
        writer.Element("EngineVersion", Lifecycle.EngineVersion(cluster, now));
        writer.Element("Port", cluster.Port);
        writer.Element("MasterUsername", cluster.MasterUsername);
        writer.Element("PreferredBackupWindow", cluster.PreferredBackupWindow);
        writer.Element("PreferredMaintenanceWindow", cluster.PreferredMaintenanceWindow);
        writer.StringList("ReadReplicaIdentifiers", "ReadReplicaIdentifier", []);
        writer.List("DBClusterMembers", "DBClusterMember", members, (member, instance) =>
        {
            member.Element("DBInstanceIdentifier", instance.Id);
            member.Element("IsClusterWriter", instance.IsClusterWriter);
            member.Element("DBClusterParameterGroupStatus", "in-sync");
            member.Element("PromotionTier", instance.PromotionTier);
        });
        writer.List<string>("VpcSecurityGroups", "VpcSecurityGroupMembership", [], (_, _) => { });
        writer.Element("HostedZoneId", "Z2R2ITUGPM61AM");
        writer.Element("StorageEncrypted", cluster.StorageEncrypted);
        writer.Element("DbClusterResourceId", cluster.ResourceId);
        writer.Element("DBClusterArn", NamesOf(cluster.Id).ClusterArn(cluster.Id));
        writer.Element("IAMDatabaseAuthenticationEnabled", false);
        writer.Element("ClusterCreateTime", cluster.CreatedAt);
        if (Lifecycle.PendingEngineVersion(cluster, now) is { } pendingVersion)
        {
            writer.WriteStartElement("PendingModifiedValues");
            writer.Element("EngineVersion", pendingVersion);
            writer.WriteEndElement();
        }
        writer.Element("EngineMode", "provisioned");
        writer.Element("DeletionProtection", cluster.DeletionProtection);
        writer.Element("HttpEndpointEnabled", false);
        writer.Element("CopyTagsToSnapshot", false);
        writer.Element("CrossAccountClone", false);
        writer.List<string>("DomainMemberships", "DomainMembership", [], (_, _) => { });
        Tags(writer, cluster.Tags);
        writer.Element("AutoMinorVersionUpgrade", true);
        writer.Element("NetworkType", "IPV4");
    }

    public void Snapshot(XmlWriter writer, SnapshotRecord snapshot)
    {
        writer.StringList("AvailabilityZones", "AvailabilityZone", naming.AvailabilityZones);
        writer.Element("DBClusterSnapshotIdentifier", snapshot.Id);
        writer.Element("DBClusterIdentifier", snapshot.ClusterId);
        writer.Element("SnapshotCreateTime", snapshot.StartedAt);
        writer.Element("Engine", snapshot.Engine);
        writer.Element("EngineMode", "provisioned");
        writer.Element("AllocatedStorage", snapshot.AllocatedStorage);
        writer.Element("Status", Lifecycle.SnapshotStatus(snapshot, now));
        writer.Element("Port", snapshot.Port);
        writer.Element("ClusterCreateTime", snapshot.ClusterCreateTime);
        writer.Element("MasterUsername", snapshot.MasterUsername);
        writer.Element("EngineVersion", snapshot.EngineVersion);
        writer.Element("LicenseModel", LicenseModel(snapshot.Engine));
        writer.Element("SnapshotType", snapshot.SnapshotType);
        writer.Element("PercentProgress", Lifecycle.SnapshotPercentProgress(snapshot, now));
        writer.Element("StorageEncrypted", snapshot.StorageEncrypted);
        writer.Element("DBClusterSnapshotArn", NamesOf(snapshot.Id).SnapshotArn(snapshot.Id));
        writer.Element("SourceDBClusterSnapshotArn", snapshot.SourceSnapshotArn);
        writer.Element("IAMDatabaseAuthenticationEnabled", false);
        Tags(writer, snapshot.Tags);
        writer.Element("StorageType", "aurora");
        writer.Element("DbClusterResourceId", snapshot.ClusterResourceId);
    }

    public static void SnapshotAttributes(XmlWriter writer, SnapshotRecord snapshot)
    {
        writer.WriteStartElement("DBClusterSnapshotAttributesResult");
        writer.Element("DBClusterSnapshotIdentifier", snapshot.Id);
        writer.List("DBClusterSnapshotAttributes", "DBClusterSnapshotAttribute", [snapshot.SharedWith], (attribute, accounts) =>
        {
            attribute.Element("AttributeName", "restore");
            attribute.StringList("AttributeValues", "AttributeValue", accounts);
        });
        writer.WriteEndElement();
    }

    /// <summary>RDS's <c>TagList</c>: a <c>Tag</c> with <c>Key</c> and <c>Value</c> for each, written even when empty.</summary>
    public static void Tags(XmlWriter writer, IEnumerable<TagRecord> tags) =>
        writer.List("TagList", "Tag", tags, (element, tag) =>
        {
            element.Element("Key", tag.Key);
            element.Element("Value", tag.Value);
        });

    private static string LicenseModel(string engine) => engine.StartsWith("aurora", StringComparison.Ordinal) ? engine : "general-public-license";

    private static string ParameterGroupFamily(string engine, string engineVersion) =>
        $"default.{engine}{string.Join('.', engineVersion.Split('.').Take(engine == "aurora-mysql" ? 2 : 1))}";
}
