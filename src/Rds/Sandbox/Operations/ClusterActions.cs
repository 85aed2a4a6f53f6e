using LabRunner.Sandbox.Protocol;
using LabRunner.Sandbox.Rules;
using LabRunner.Sandbox.State;

namespace LabRunner.Sandbox.Operations;

/// <summary>DescribeDBClusters, CreateDBCluster, RestoreDBClusterFromSnapshot, ModifyDBCluster and DeleteDBCluster.</summary>
public sealed class ClusterActions(SandboxServices services)
{
    private static readonly DescribeFilters<ClusterRecord> Filters = new(new Dictionary<string, Func<ClusterRecord, IEnumerable<string>>>
    {
        ["db-cluster-id"] = cluster => [cluster.Id],
        ["db-cluster-resource-id"] = cluster => [cluster.ResourceId],
        ["engine"] = cluster => [cluster.Engine],
    });

    public IEnumerable<KeyValuePair<string, ActionHandler>> Handlers() =>
    [
        new("DescribeDBClusters", Describe),
        new("CreateDBCluster", Create),
        new("RestoreDBClusterFromSnapshot", Restore),
        new("ModifyDBCluster", Modify),
        new("DeleteDBCluster", Delete),
    ];

    private Action<System.Xml.XmlWriter> Describe(ActionRequest request)
    {
        var parameters = request.Parameters;
        var matches = Filters.Parse(parameters, (name, value) => name == "db-cluster-id" ? Naming.IdentifierOf(value, "cluster") : value);
        var requested = parameters.Optional("DBClusterIdentifier") is { } identifier ? Naming.IdentifierOf(identifier, "cluster") : null;
        var page = services.State.Read(request.Caller, resources =>
        {
            var clusters = DescribeScope.Of(resources.Clusters, requested, RdsFault.ClusterNotFound);
            var found = Paging.Take(clusters.Where(matches), cluster => cluster.Id, parameters);
            var pageIds = found.Items.Select(cluster => cluster.Id).ToHashSet(StringComparer.Ordinal);
            var members = resources.Instances.Values.Where(instance => instance.ClusterId is { } id && pageIds.Contains(id)).ToLookup(instance => instance.ClusterId!);
            var withMembers = found.Items.Select(cluster => (cluster, members: members[cluster.Id].ToList())).ToList();
            return (withMembers, found.Marker, AccountOf: (Func<string, string?>)resources.AccountOf);
        });
        var shapes = services.Shapes(request.Now, page.AccountOf);
        return writer =>
        {
            writer.List("DBClusters", "DBCluster", page.withMembers, (element, item) => shapes.Cluster(element, item.cluster, item.members));
            writer.Element("Marker", page.Marker);
        };
    }

    private Action<System.Xml.XmlWriter> Create(ActionRequest request)
    {
        var parameters = request.Parameters;
        var settings = new ClusterSettings(Naming.NewIdentifier(parameters, "DBClusterIdentifier"), parameters.Required("Engine"))
        {
            EngineVersion = parameters.Optional("EngineVersion"),
            PreferredBackupWindow = parameters.Optional("PreferredBackupWindow"),
            PreferredMaintenanceWindow = parameters.Optional("PreferredMaintenanceWindow"),
            BackupRetentionPeriod = parameters.OptionalInt("BackupRetentionPeriod"),
            AllocatedStorage = parameters.OptionalInt("AllocatedStorage"),
            Port = parameters.OptionalInt("Port"),
            MasterUsername = parameters.Optional("MasterUsername"),
            DatabaseName = parameters.Optional("DatabaseName"),
            StorageEncrypted = parameters.OptionalBool("StorageEncrypted") ?? false,
            DeletionProtection = parameters.OptionalBool("DeletionProtection") ?? false,
        };
        var cluster = settings.Build(request.Now, request.Now + services.Options.ProvisioningDuration);
        services.State.Write(request.Caller, resources =>
        {
            services.Provisioning.AddCluster(resources, cluster);
            return cluster;
        });
        return WriteCluster(cluster, [], request);
    }

    /// <summary>
    /// A new cluster from an available cluster snapshot, <c>creating</c> until provisioned. As in RDS it has no
    /// instances yet (CreateDBInstance adds its writer), takes the snapshot's engine version, storage, port, master user
    /// and encryption, and starts with default backup settings rather than the source cluster's.
    /// </summary>
    private Action<System.Xml.XmlWriter> Restore(ActionRequest request)
    {
        var parameters = request.Parameters;
        var id = Naming.NewIdentifier(parameters, "DBClusterIdentifier");
        var snapshotId = Naming.IdentifierOf(parameters.Required("SnapshotIdentifier"), "cluster-snapshot");
        var engine = Engines.Validate(parameters.Required("Engine"));
        var now = request.Now;
        var cluster = services.State.Write(request.Caller, resources =>
        {
            var snapshot = resources.Snapshots.GetValueOrDefault(snapshotId) ?? throw RdsFault.SnapshotNotFound(snapshotId);
            if (Lifecycle.SnapshotStatus(snapshot, now) != "available")
                throw RdsFault.InvalidSnapshotState($"Snapshot {snapshotId} is not in the available state; it is {Lifecycle.SnapshotStatus(snapshot, now)}.");
            if (engine != snapshot.Engine)
                throw RdsFault.InvalidParameterCombination($"The engine {engine} is not compatible with the engine of the source snapshot ({snapshot.Engine}).");
            var settings = new ClusterSettings(id, engine)
            {
                EngineVersion = parameters.Optional("EngineVersion") ?? snapshot.EngineVersion,
                Port = parameters.OptionalInt("Port") ?? snapshot.Port,
                AllocatedStorage = snapshot.AllocatedStorage,
                MasterUsername = snapshot.MasterUsername,
                StorageEncrypted = snapshot.StorageEncrypted,
                DeletionProtection = parameters.OptionalBool("DeletionProtection") ?? false,
            };
            var restored = settings.Build(now, now + services.Options.ProvisioningDuration);
            services.Provisioning.AddCluster(resources, restored);
            return restored;
        });
        return WriteCluster(cluster, [], request);
    }

    private Action<System.Xml.XmlWriter> Modify(ActionRequest request)
    {
        var parameters = request.Parameters;
        var id = Naming.IdentifierOf(parameters.Required("DBClusterIdentifier"), "cluster");
        var retention = parameters.OptionalInt("BackupRetentionPeriod") is { } days ? ClusterSettings.ValidRetention(days) : (int?)null;
        var newBackupWindow = parameters.Optional("PreferredBackupWindow") is { } backupText ? DailyWindow.Parse(backupText, "PreferredBackupWindow") : (DailyWindow?)null;
        var newMaintenanceWindow = parameters.Optional("PreferredMaintenanceWindow") is { } maintenanceText ? WeeklyWindow.Parse(maintenanceText, "PreferredMaintenanceWindow") : (WeeklyWindow?)null;
        var engineVersion = parameters.Optional("EngineVersion");
        var applyImmediately = parameters.OptionalBool("ApplyImmediately") ?? false;
        var now = request.Now;
        var (modified, members) = services.State.Write(request.Caller, resources =>
        {
            var current = resources.Clusters.GetValueOrDefault(id) ?? throw RdsFault.ClusterNotFound(id);
            var status = Lifecycle.ClusterStatus(current, now);
            if (status != "available")
                throw RdsFault.InvalidClusterState($"DB cluster {id} is not in the available state: it is {status}.");
            var cluster = Lifecycle.Settled(current, now);
            var backup = newBackupWindow ?? DailyWindow.Parse(cluster.PreferredBackupWindow, "PreferredBackupWindow");
            var maintenance = newMaintenanceWindow ?? WeeklyWindow.Parse(cluster.PreferredMaintenanceWindow, "PreferredMaintenanceWindow");
            if (newBackupWindow is not null || newMaintenanceWindow is not null)
                WindowRules.EnsureNoOverlap(backup, maintenance);
            // Aurora applies backup window, retention and maintenance window at once, whatever ApplyImmediately says.
            cluster = cluster with
            {
                PreferredBackupWindow = backup.ToString(),
                PreferredMaintenanceWindow = maintenance.ToString(),
                BackupRetentionPeriod = retention ?? cluster.BackupRetentionPeriod,
                Upgrade = engineVersion is null ? cluster.Upgrade : ScheduleUpgrade(cluster, engineVersion, maintenance, applyImmediately, now),
            };
            resources.Clusters[id] = cluster;
            return (cluster, resources.MembersOf(id).ToList());
        });
        return WriteCluster(modified, members, request);
    }

    /// <summary>An engine change starts now with ApplyImmediately, else at the next maintenance window; asking for the current version cancels a pending one.</summary>
    private EngineUpgrade? ScheduleUpgrade(ClusterRecord cluster, string engineVersion, WeeklyWindow maintenance, bool applyImmediately, DateTimeOffset now)
    {
        if (engineVersion == cluster.EngineVersion)
            return null;
        var startsAt = applyImmediately ? now : maintenance.NextStartAfter(now);
        return new EngineUpgrade(engineVersion, startsAt, startsAt + services.Options.UpgradeDuration);
    }

    private Action<System.Xml.XmlWriter> Delete(ActionRequest request)
    {
        var parameters = request.Parameters;
        var id = Naming.IdentifierOf(parameters.Required("DBClusterIdentifier"), "cluster");
        var skipFinalSnapshot = parameters.OptionalBool("SkipFinalSnapshot") ?? false;
        var finalSnapshotId = parameters.Optional("FinalDBSnapshotIdentifier") is not null ? Naming.NewIdentifier(parameters, "FinalDBSnapshotIdentifier") : null;
        if (!skipFinalSnapshot && finalSnapshotId is null)
            throw RdsFault.InvalidParameterCombination("FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
        if (skipFinalSnapshot && finalSnapshotId is not null)
            throw RdsFault.InvalidParameterCombination("FinalDBSnapshotIdentifier can not be specified when deleting a cluster with SkipFinalSnapshot set to true.");
        var now = request.Now;
        var deleted = services.State.Write(request.Caller, resources =>
        {
            var cluster = resources.Clusters.GetValueOrDefault(id) ?? throw RdsFault.ClusterNotFound(id);
            if (cluster.DeletionProtection)
                throw RdsFault.InvalidParameterCombination("Cannot delete protected Cluster, please disable deletion protection and try again.");
            if (resources.MembersOf(id).Any())
                throw RdsFault.InvalidClusterState("Cluster cannot be deleted, it still contains DB instances in non-deleting state.");
            if (finalSnapshotId is not null)
            {
                if (resources.SnapshotIdTaken(finalSnapshotId))
                    throw RdsFault.SnapshotAlreadyExists(finalSnapshotId);
                services.Provisioning.EnsureManualSnapshotQuota(resources);
                resources.Snapshots.Add(finalSnapshotId, services.Provisioning.NewSnapshot(cluster, finalSnapshotId, SnapshotTypes.Manual, now));
            }
            foreach (var automated in resources.Snapshots.Values.Where(snapshot => snapshot.ClusterId == id && snapshot.SnapshotType == SnapshotTypes.Automated).ToList())
                resources.Snapshots.Remove(automated.Id);
            resources.Clusters.Remove(id);
            return cluster;
        });
        return WriteCluster(deleted, [], request, status: "deleting");
    }

    private Action<System.Xml.XmlWriter> WriteCluster(ClusterRecord cluster, IReadOnlyList<InstanceRecord> members, ActionRequest request, string? status = null)
    {
        var shapes = services.Shapes(request.Now, request.Caller);
        return writer =>
        {
            writer.WriteStartElement("DBCluster");
            shapes.Cluster(writer, cluster, members, status);
            writer.WriteEndElement();
        };
    }
}
