namespace LabRunner.Rds.Model;

public sealed record DBCluster
{
    public required string DBClusterIdentifier { get; init; }
    public string? DBClusterArn { get; init; }
    public string? Status { get; init; }
    public string? Engine { get; init; }
    public string? EngineVersion { get; init; }
    /// <summary>A string on the wire for clusters (a snapshot's is an integer).</summary>
    public string? PercentProgress { get; init; }
    public IReadOnlyList<DBClusterMember> DBClusterMembers { get; init; } = [];
    /// <summary>UTC, <c>hh24:mi-hh24:mi</c>.</summary>
    public string? PreferredBackupWindow { get; init; }
    /// <summary>UTC, <c>ddd:hh24:mi-ddd:hh24:mi</c>.</summary>
    public string? PreferredMaintenanceWindow { get; init; }
    public int? BackupRetentionPeriod { get; init; }
    public ClusterPendingModifiedValues? PendingModifiedValues { get; init; }
    public DateTimeOffset? ClusterCreateTime { get; init; }
    public int? AllocatedStorage { get; init; }
    public string? Endpoint { get; init; }
    public IReadOnlyList<Tag> TagList { get; init; } = [];
}

public sealed record DBClusterMember
{
    public required string DBInstanceIdentifier { get; init; }
    public bool IsClusterWriter { get; init; }
    public string? DBClusterParameterGroupStatus { get; init; }
    public int? PromotionTier { get; init; }
}

/// <summary>What ModifyDBCluster left to the next maintenance window. RDS has no backup-window field here.</summary>
public sealed record ClusterPendingModifiedValues
{
    public string? DBClusterIdentifier { get; init; }
    public string? EngineVersion { get; init; }
    public int? BackupRetentionPeriod { get; init; }
    public int? AllocatedStorage { get; init; }
    public bool? IAMDatabaseAuthenticationEnabled { get; init; }
    public string? MasterUserPassword { get; init; }
    public string? StorageType { get; init; }
    public int? Iops { get; init; }

    public bool IsEmpty => this == new ClusterPendingModifiedValues();
}

public sealed record DBClusterSnapshot
{
    public required string DBClusterSnapshotIdentifier { get; init; }
    public string? DBClusterSnapshotArn { get; init; }
    public string? DBClusterIdentifier { get; init; }
    public string? Status { get; init; }
    /// <summary>An integer on the wire for snapshots (a cluster's is a string).</summary>
    public int? PercentProgress { get; init; }
    /// <summary><c>manual</c> or <c>automated</c> (also <c>awsbackup</c>).</summary>
    public string? SnapshotType { get; init; }
    public string? Engine { get; init; }
    public string? EngineVersion { get; init; }
    public int? AllocatedStorage { get; init; }
    public bool? StorageEncrypted { get; init; }
    public DateTimeOffset? SnapshotCreateTime { get; init; }
    public DateTimeOffset? ClusterCreateTime { get; init; }
    public string? SourceDBClusterSnapshotArn { get; init; }
    public IReadOnlyList<Tag> TagList { get; init; } = [];
}

public sealed record DBClusterSnapshotAttributesResult
{
    public required string DBClusterSnapshotIdentifier { get; init; }
    public IReadOnlyList<DBClusterSnapshotAttribute> DBClusterSnapshotAttributes { get; init; } = [];
}

public sealed record DBClusterSnapshotAttribute
{
    public required string AttributeName { get; init; }
    public IReadOnlyList<string> AttributeValues { get; init; } = [];
}

/// <summary>A Describe filter: <c>Filters.Filter.N.Name</c> with <c>Values.Value.M</c>.</summary>
public sealed record Filter(string Name, IReadOnlyList<string> Values);
