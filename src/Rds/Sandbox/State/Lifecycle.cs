namespace LabRunner.Sandbox.State;

/// <summary>What a resource looks like at a given instant, computed from its stored timestamps.</summary>
public static class Lifecycle
{
    public static string ClusterStatus(ClusterRecord cluster, DateTimeOffset now)
    {
        if (now < cluster.AvailableAt)
            return "creating";
        if (cluster.Upgrade is { } upgrade && upgrade.StartsAt <= now && now < upgrade.FinishesAt)
            return "upgrading";
        return "available";
    }

    public static bool IsAvailable(ClusterRecord cluster, DateTimeOffset now) => ClusterStatus(cluster, now) == "available";

    public static string EngineVersion(ClusterRecord cluster, DateTimeOffset now) =>
        cluster.Upgrade is { } upgrade && now >= upgrade.FinishesAt ? upgrade.TargetVersion : cluster.EngineVersion;

    /// <summary>The engine version waiting for the maintenance window, shown in <c>PendingModifiedValues</c>.</summary>
    public static string? PendingEngineVersion(ClusterRecord cluster, DateTimeOffset now) =>
        cluster.Upgrade is { } upgrade && now < upgrade.StartsAt ? upgrade.TargetVersion : null;

    /// <summary>The record with any finished upgrade folded in, so a new modification starts from what is visible.</summary>
    public static ClusterRecord Settled(ClusterRecord cluster, DateTimeOffset now) =>
        cluster.Upgrade is { } upgrade && now >= upgrade.FinishesAt
            ? cluster with { EngineVersion = upgrade.TargetVersion, Upgrade = null }
            : cluster;

    public static string InstanceStatus(InstanceRecord instance, DateTimeOffset now) =>
        now < instance.AvailableAt ? "creating" : "available";

    public static string SnapshotStatus(SnapshotRecord snapshot, DateTimeOffset now)
    {
        if (now >= snapshot.CompletesAt)
            return "available";
        return snapshot.SourceSnapshotArn is null ? "creating" : "copying";
    }

    /// <summary>0 when requested, rising with elapsed time, 100 only once available.</summary>
    public static int SnapshotPercentProgress(SnapshotRecord snapshot, DateTimeOffset now) => PercentBetween(snapshot.StartedAt, snapshot.CompletesAt, now);

    /// <summary>A cluster being created (or restored): how far along, 100 only once available.</summary>
    public static int ClusterPercentProgress(ClusterRecord cluster, DateTimeOffset now) => PercentBetween(cluster.CreatedAt, cluster.AvailableAt, now);

    private static int PercentBetween(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        if (now >= end)
            return 100;
        var total = (end - start).Ticks;
        var elapsed = Math.Max(0, (now - start).Ticks);
        return (int)Math.Min(99, elapsed * 100 / Math.Max(1, total));
    }
}
