namespace LabRunner.TestSupport.Peers;

/// <summary>
/// Something that answers the RDS Query API — moto, the sandbox — as the contract suite sees it:
/// where it listens, how to empty it, how to give it a cluster to work on.
/// </summary>
public interface IRdsPeer
{
    string Name { get; }

    Uri Endpoint { get; }

    string Region { get; }

    /// <summary>Forgets every cluster, instance and snapshot.</summary>
    Task ResetAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates an available cluster with one writer instance, as the Aurora lab's fixtures are.</summary>
    Task SeedClusterAsync(ClusterSeed seed, CancellationToken cancellationToken = default);

    /// <summary>Lets work the peer does over time finish (snapshots leaving <c>creating</c>); moto does everything at once.</summary>
    Task SettleAsync(CancellationToken cancellationToken = default);
}

/// <summary>A cluster with its writer, with the settings the Aurora lab declares.</summary>
public sealed record ClusterSeed(string ClusterIdentifier, string WriterInstanceIdentifier)
{
    public string Engine { get; init; } = "aurora-mysql";
    public string InstanceClass { get; init; } = "db.r5.large";
    public string PreferredBackupWindow { get; init; } = "03:00-03:30";
    public string PreferredMaintenanceWindow { get; init; } = "sun:05:00-sun:05:30";
    public int BackupRetentionPeriod { get; init; } = 1;
}
