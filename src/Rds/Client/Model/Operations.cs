namespace LabRunner.Rds.Model;

/// <summary>The pagination shape of every Describe call: <c>MaxRecords</c> (20–100) and an opaque <c>Marker</c>.</summary>
public interface IPagedRequest<TSelf> where TSelf : IPagedRequest<TSelf>
{
    /// <summary>The Query-API action, e.g. <c>DescribeDBClusters</c>.</summary>
    static abstract string Operation { get; }

    int? MaxRecords { get; }
    string? Marker { get; }
    TSelf WithMarker(string? marker);
}

/// <summary>A Describe page: a <c>Marker</c> when RDS has more.</summary>
public interface IPagedResponse
{
    string? Marker { get; }
}

public interface IPagedResponse<TItem> : IPagedResponse
{
    IReadOnlyList<TItem> Items { get; }
}

public sealed record DescribeDBClustersRequest : IPagedRequest<DescribeDBClustersRequest>
{
    public static string Operation => "DescribeDBClusters";

    public string? DBClusterIdentifier { get; init; }
    public IReadOnlyList<Filter> Filters { get; init; } = [];
    public int? MaxRecords { get; init; }
    public string? Marker { get; init; }
    public DescribeDBClustersRequest WithMarker(string? marker) => this with { Marker = marker };
}

public sealed record DescribeDBClustersResponse(IReadOnlyList<DBCluster> DBClusters, string? Marker) : IPagedResponse<DBCluster>
{
    public IReadOnlyList<DBCluster> Items => DBClusters;
}

public sealed record DescribeDBClusterSnapshotsRequest : IPagedRequest<DescribeDBClusterSnapshotsRequest>
{
    public static string Operation => "DescribeDBClusterSnapshots";

    public string? DBClusterIdentifier { get; init; }
    public string? DBClusterSnapshotIdentifier { get; init; }
    public string? SnapshotType { get; init; }
    public IReadOnlyList<Filter> Filters { get; init; } = [];
    public int? MaxRecords { get; init; }
    public string? Marker { get; init; }
    public bool? IncludeShared { get; init; }
    public bool? IncludePublic { get; init; }
    public DescribeDBClusterSnapshotsRequest WithMarker(string? marker) => this with { Marker = marker };
}

public sealed record DescribeDBClusterSnapshotsResponse(IReadOnlyList<DBClusterSnapshot> DBClusterSnapshots, string? Marker) : IPagedResponse<DBClusterSnapshot>
{
    public IReadOnlyList<DBClusterSnapshot> Items => DBClusterSnapshots;
}

public sealed record CreateDBClusterSnapshotRequest(string DBClusterSnapshotIdentifier, string DBClusterIdentifier);

public sealed record CreateDBClusterSnapshotResponse(DBClusterSnapshot DBClusterSnapshot);

public sealed record DeleteDBClusterSnapshotRequest(string DBClusterSnapshotIdentifier);

public sealed record DeleteDBClusterSnapshotResponse(DBClusterSnapshot DBClusterSnapshot);

public sealed record CopyDBClusterSnapshotRequest(string SourceDBClusterSnapshotIdentifier, string TargetDBClusterSnapshotIdentifier)
{
    public bool? CopyTags { get; init; }
}

public sealed record CopyDBClusterSnapshotResponse(DBClusterSnapshot DBClusterSnapshot);

/// <summary>Sharing: <c>AttributeName=restore</c> with account ids (or <c>all</c>) to add or remove.</summary>
public sealed record ModifyDBClusterSnapshotAttributeRequest(string DBClusterSnapshotIdentifier, string AttributeName)
{
    public IReadOnlyList<string> ValuesToAdd { get; init; } = [];
    public IReadOnlyList<string> ValuesToRemove { get; init; } = [];
}

public sealed record ModifyDBClusterSnapshotAttributeResponse(DBClusterSnapshotAttributesResult DBClusterSnapshotAttributesResult);

public sealed record DescribeDBClusterSnapshotAttributesRequest(string DBClusterSnapshotIdentifier);

public sealed record DescribeDBClusterSnapshotAttributesResponse(DBClusterSnapshotAttributesResult DBClusterSnapshotAttributesResult);

public sealed record ModifyDBClusterRequest(string DBClusterIdentifier)
{
    public string? PreferredBackupWindow { get; init; }
    public string? PreferredMaintenanceWindow { get; init; }
    public int? BackupRetentionPeriod { get; init; }
    public string? EngineVersion { get; init; }
    public bool? ApplyImmediately { get; init; }
}

public sealed record ModifyDBClusterResponse(DBCluster DBCluster);
