using LabRunner.Sandbox.Operations;
using LabRunner.Sandbox.State;

namespace LabRunner.Sandbox.Seeding;

/// <summary>
/// Fixture <c>db-cluster</c>: a cluster (<c>cluster</c>, <c>engine</c>, <c>engine-version</c>, <c>backup-window</c>,
/// <c>maintenance-window</c>, <c>retention</c>) and its writer (<c>writer-instance</c>, <c>instance-class</c>), with the
/// first automated backup finished.
/// </summary>
public sealed class DbClusterSeed(SandboxServices services) : ISeedKind
{
    public const string DefaultEngine = "aurora-mysql";
    public const string DefaultInstanceClass = "db.r6g.large";
    private static readonly TimeSpan SeededAge = TimeSpan.FromDays(1);

    public string Kind => "db-cluster";

    public Func<SandboxState.Resources, SeedResult> Plan(SeedSpec spec)
    {
        var createdAt = services.Options.TimeProvider.GetUtcNow() - SeededAge;
        var cluster = new ClusterSettings(spec.Required("cluster"), spec.Text("engine") ?? DefaultEngine)
        {
            EngineVersion = spec.Text("engine-version"),
            PreferredBackupWindow = spec.Text("backup-window"),
            PreferredMaintenanceWindow = spec.Text("maintenance-window"),
            BackupRetentionPeriod = spec.Number("retention"),
        }.Build(createdAt, createdAt + services.Options.ProvisioningDuration);
        var writer = spec.Text("writer-instance") is { } writerId
            ? new InstanceSettings(writerId, InstanceSettings.ValidClass(spec.Text("instance-class") ?? DefaultInstanceClass), cluster.Engine) { ClusterId = cluster.Id }
            : null;
        return resources => Apply(resources, cluster, writer);
    }

    /// <summary>Creates what is missing. A writer joins the cluster as it stands, so its engine is the existing cluster's.</summary>
    private SeedResult Apply(SandboxState.Resources resources, ClusterRecord planned, InstanceSettings? writer)
    {
        var created = new List<string>();
        var kept = new List<string>();
        var clusterIsNew = !resources.Clusters.ContainsKey(planned.Id);
        if (clusterIsNew)
        {
            services.Provisioning.AddCluster(resources, planned);
            created.Add(planned.Id);
        }
        else
            kept.Add(planned.Id);
        if (writer is not null)
        {
            if (resources.Instances.ContainsKey(writer.Id))
                kept.Add(writer.Id);
            else
            {
                var cluster = resources.Clusters[planned.Id];
                services.Provisioning.AddInstance(resources, writer with { Engine = cluster.Engine }, cluster.CreatedAt, cluster.AvailableAt, firstMember: clusterIsNew);
                created.Add(writer.Id);
            }
        }
        return new SeedResult(created, kept);
    }
}
