using System.Xml;
using LabRunner.Sandbox.State;

// The DB instance resource kind as the sandbox stores and shows it; InstanceActions serves it.

namespace LabRunner.Sandbox.State
{
    public sealed record InstanceRecord
    {
        public required string Id { get; init; }
        public required string ResourceId { get; init; }
        public string? ClusterId { get; init; }
        public required string Engine { get; init; }
        public required string EngineVersion { get; init; }
        public required string InstanceClass { get; init; }
        public required DateTimeOffset CreatedAt { get; init; }
        public required DateTimeOffset AvailableAt { get; init; }
        public bool IsClusterWriter { get; init; }
        public int PromotionTier { get; init; } = 1;
        public string AvailabilityZone { get; init; } = "";
        public IReadOnlyList<TagRecord> Tags { get; init; } = [];
    }
}

namespace LabRunner.Sandbox.Protocol
{
    public sealed partial class ShapeWriter
    {
        /// <summary>An Aurora instance: backup settings are the cluster's, so they are read from it.</summary>
        public void Instance(XmlWriter writer, InstanceRecord instance, ClusterRecord? cluster, string? status = null)
        {
            status ??= Lifecycle.InstanceStatus(instance, now);
            writer.Element("DBInstanceIdentifier", instance.Id);
            writer.Element("DBInstanceClass", instance.InstanceClass);
            writer.Element("Engine", instance.Engine);
            writer.Element("DBInstanceStatus", status);
            writer.Element("MasterUsername", cluster?.MasterUsername);
            if (status != "creating")
            {
                writer.WriteStartElement("Endpoint");
                writer.Element("Address", naming.InstanceEndpoint(instance.Id));
                writer.Element("Port", cluster?.Port ?? 3306);
                writer.Element("HostedZoneId", "Z2R2ITUGPM61AM");
                writer.WriteEndElement();
                writer.Element("InstanceCreateTime", instance.AvailableAt);
            }
            writer.Element("AllocatedStorage", 1);
            writer.Element("PreferredBackupWindow", cluster?.PreferredBackupWindow);
            writer.Element("BackupRetentionPeriod", cluster?.BackupRetentionPeriod ?? 1);
            writer.List<string>("DBSecurityGroups", "DBSecurityGroup", [], (_, _) => { });
            writer.List<string>("VpcSecurityGroups", "VpcSecurityGroupMembership", [], (_, _) => { });
            writer.Element("AvailabilityZone", instance.AvailabilityZone);
            writer.Element("PreferredMaintenanceWindow", cluster?.PreferredMaintenanceWindow);
            writer.WriteStartElement("PendingModifiedValues");
            writer.WriteEndElement();
            writer.Element("MultiAZ", false);
            writer.Element("EngineVersion", cluster is null ? instance.EngineVersion : Lifecycle.EngineVersion(cluster, now));
            writer.Element("AutoMinorVersionUpgrade", true);
            writer.Element("LicenseModel", LicenseModel(instance.Engine));
            writer.Element("PubliclyAccessible", false);
            writer.Element("StorageType", "aurora");
            writer.Element("DbInstancePort", 0);
            writer.Element("DBClusterIdentifier", instance.ClusterId);
            writer.Element("StorageEncrypted", cluster?.StorageEncrypted ?? false);
            writer.Element("DbiResourceId", instance.ResourceId);
            writer.Element("CopyTagsToSnapshot", false);
            writer.Element("PromotionTier", instance.PromotionTier);
            writer.Element("DBInstanceArn", naming.InstanceArn(instance.Id));
            writer.Element("IAMDatabaseAuthenticationEnabled", false);
            writer.Element("DeletionProtection", false);
            Tags(writer, instance.Tags);
        }
    }
}
