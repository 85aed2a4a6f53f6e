namespace LabRunner.Sandbox.State;

/// <summary>
/// A DB cluster as the sandbox stores it. Everything that changes with time (status, a scheduled engine upgrade)
/// is stored as timestamps and computed on read, so no background timers are needed.
/// </summary>
public sealed record ClusterRecord
{
    public required string Id { get; init; }
    public required string ResourceId { get; init; }
    public required string Engine { get; init; }
    public required string EngineVersion { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When provisioning ends: <c>creating</c> before, <c>available</c> after.</summary>
    public required DateTimeOffset AvailableAt { get; init; }
    public required string PreferredBackupWindow { get; init; }
    public required string PreferredMaintenanceWindow { get; init; }
    public required int BackupRetentionPeriod { get; init; }
    /// <summary>GiB; Aurora reports 1 whatever the volume holds. Scales snapshot duration.</summary>
    public int AllocatedStorage { get; init; } = 1;
    public int Port { get; init; }
    public string? MasterUsername { get; init; }
    public string? DatabaseName { get; init; }
    public bool StorageEncrypted { get; init; }
    public bool DeletionProtection { get; init; }
    public EngineUpgrade? Upgrade { get; init; }
    public IReadOnlyList<TagRecord> Tags { get; init; } = [];
}

/// <summary>A tag on a resource, as AddTagsToResource sets it: a key and a (possibly empty) value.</summary>
public sealed record TagRecord(string Key, string Value);

/// <summary>
/// A requested engine version change. Applied immediately it starts at once; otherwise it waits for the next
/// maintenance window, showing in <c>PendingModifiedValues</c> until then.
/// </summary>
public sealed record EngineUpgrade(string TargetVersion, DateTimeOffset StartsAt, DateTimeOffset FinishesAt);

public static class SnapshotTypes
{
    public const string Manual = "manual";
    public const string Automated = "automated";
}

public sealed record SnapshotRecord
{
    public required string Id { get; init; }
    public required string ClusterId { get; init; }
    public required string ClusterResourceId { get; init; }
    public required string SnapshotType { get; init; }
    public required string Engine { get; init; }
    public required string EngineVersion { get; init; }
    public required DateTimeOffset ClusterCreateTime { get; init; }
    /// <summary>When the snapshot was requested; it is <c>creating</c> (or <c>copying</c>) from here until <see cref="CompletesAt"/>.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset CompletesAt { get; init; }
    public int AllocatedStorage { get; init; } = 1;
    public int Port { get; init; }
    public string? MasterUsername { get; init; }
    public bool StorageEncrypted { get; init; }
    public string? SourceSnapshotArn { get; init; }
    /// <summary>Account ids (or <c>all</c>) in the snapshot's <c>restore</c> attribute.</summary>
    public IReadOnlyList<string> SharedWith { get; init; } = [];
    public IReadOnlyList<TagRecord> Tags { get; init; } = [];
}
