using System.Globalization;
using LabRunner.Sandbox.Protocol;
using LabRunner.Sandbox.Rules;
using LabRunner.Sandbox.State;

namespace LabRunner.Sandbox.Operations;

/// <summary>Adds clusters, instances and snapshots to the state with RDS's checks; shared by the API and fixture seeding.</summary>
public sealed class Provisioning(SandboxOptions options)
{
    /// <summary>Adds the cluster and, as RDS does once a cluster is up, its first automated snapshot.</summary>
    public void AddCluster(SandboxState.Resources resources, ClusterRecord cluster)
    {
        if (resources.ClusterIdTaken(cluster.Id))
            throw RdsFault.ClusterAlreadyExists(cluster.Id);
        resources.Clusters.Add(cluster.Id, cluster);
        var automatedId = $"rds:{cluster.Id}-{cluster.AvailableAt.UtcDateTime.ToString("yyyy-MM-dd-HH-mm", CultureInfo.InvariantCulture)}";
        resources.Snapshots[automatedId] = NewSnapshot(cluster, automatedId, SnapshotTypes.Automated, cluster.AvailableAt);
    }

    /// <param name="firstMember">
    /// True when the caller knows the cluster has no member yet (it just created it): the instance is then its writer,
    /// without looking through every instance, which keeps seeding a large class linear.
    /// </param>
    public InstanceRecord AddInstance(SandboxState.Resources resources, InstanceSettings settings, DateTimeOffset createdAt, DateTimeOffset availableAt, bool firstMember = false)
    {
        InstanceSettings.ValidClass(settings.InstanceClass);
        var engine = Engines.Validate(settings.Engine);
        if (resources.InstanceIdTaken(settings.Id))
            throw RdsFault.InstanceAlreadyExists(settings.Id);
        var isWriter = false;
        if (settings.ClusterId is { } clusterId)
        {
            var cluster = resources.Clusters.GetValueOrDefault(clusterId) ?? throw RdsFault.ClusterNotFound(clusterId);
            if (cluster.Engine != engine)
                throw RdsFault.InvalidParameterCombination($"The engine name requested for your DB instance ({engine}) doesn't match the engine name of your DB cluster ({cluster.Engine}).");
            isWriter = firstMember || !resources.MembersOf(clusterId).Any();
        }
        var instance = new InstanceRecord
        {
            Id = settings.Id,
            ResourceId = Naming.NewResourceId("db"),
            ClusterId = settings.ClusterId,
            Engine = engine,
            EngineVersion = settings.EngineVersion ?? Engines.DefaultVersion(engine),
            InstanceClass = settings.InstanceClass,
            CreatedAt = createdAt,
            AvailableAt = availableAt,
            IsClusterWriter = isWriter,
            PromotionTier = settings.PromotionTier ?? 1,
            AvailabilityZone = options.Region + "a",
        };
        resources.Instances.Add(instance.Id, instance);
        return instance;
    }

    /// <summary>A snapshot of <paramref name="cluster"/> requested at <paramref name="startedAt"/>; it takes longer the more storage the cluster has.</summary>
    public SnapshotRecord NewSnapshot(ClusterRecord cluster, string id, string snapshotType, DateTimeOffset startedAt) => new()
    {
        Id = id,
        ClusterId = cluster.Id,
        ClusterResourceId = cluster.ResourceId,
        SnapshotType = snapshotType,
        Engine = cluster.Engine,
        EngineVersion = cluster.EngineVersion,
        ClusterCreateTime = cluster.CreatedAt,
        StartedAt = startedAt,
        CompletesAt = startedAt + options.SnapshotDurationFor(cluster.AllocatedStorage),
        AllocatedStorage = cluster.AllocatedStorage,
        Port = cluster.Port,
        MasterUsername = cluster.MasterUsername,
        StorageEncrypted = cluster.StorageEncrypted,
    };

    /// <summary>RDS's quota on manual cluster snapshots, checked before one more is made.</summary>
    public void EnsureManualSnapshotQuota(SandboxState.Resources resources)
    {
        var manual = resources.Snapshots.Values.Count(snapshot => snapshot.SnapshotType == SnapshotTypes.Manual);
        if (manual >= options.ManualSnapshotQuota)
            throw RdsFault.SnapshotQuotaExceeded(options.ManualSnapshotQuota);
    }
}
