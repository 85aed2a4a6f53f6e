namespace LabRunner.Engine.Checks;

/// <summary>How to read RDS's status words: on the way somewhere, or stuck.</summary>
internal static class RdsStatuses
{
    /// <summary>Cluster statuses that pass by themselves (RDS's "DB cluster statuses" table).</summary>
    private static readonly HashSet<string> TransitionalCluster = new(StringComparer.Ordinal)
    {
        "creating", "modifying", "backing-up", "upgrading", "starting", "rebooting", "maintenance", "renaming",
        "resetting-master-credentials", "migrating", "promoting", "storage-optimization", "update-iam-db-auth",
        "backtracking", "cloning-failed-over", "failing-over",
    };

    /// <summary>Snapshot statuses a snapshot never leaves for <c>available</c> (the waiter's failure states).</summary>
    private static readonly HashSet<string> DeadSnapshot = new(StringComparer.Ordinal)
    {
        "deleted", "deleting", "failed", "incompatible-restore", "incompatible-parameters",
    };

    public static bool IsTransitionalCluster(string status) => TransitionalCluster.Contains(status);

    public static bool IsDeadSnapshot(string status) => DeadSnapshot.Contains(status);
}
