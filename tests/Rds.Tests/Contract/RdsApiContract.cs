using LabRunner.Rds.Model;
using LabRunner.TestSupport.Peers;

namespace LabRunner.Rds.Tests.Contract;

/// <summary>
/// What every RDS peer must do the way RDS does, driven through our client: the scenarios the Aurora lab relies on.
/// Subclass it once per peer (moto, the sandbox). Behaviour only some peers get right lives in <see cref="RdsFaithfulContract"/>.
/// Each test starts from an empty peer holding one cluster with its writer.
/// </summary>
public abstract class RdsApiContract(IRdsPeer peer) : IAsyncLifetime
{
    protected const string Cluster = "aurora-alice-cluster";
    protected const string Writer = "aurora-alice-instance-1";

    protected IRdsPeer Peer { get; } = peer;

    protected RdsQueryClient Rds { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Peer.ResetAsync();
        await Peer.SeedClusterAsync(new ClusterSeed(Cluster, Writer));
        Rds = await Peer.CreateClientAsync();
    }

    public Task DisposeAsync()
    {
        Rds.Dispose();
        return Task.CompletedTask;
    }

    protected async Task<DBClusterSnapshot> SnapshotAsync(string id) =>
        Assert.Single((await Rds.DescribeDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest { DBClusterSnapshotIdentifier = id })).DBClusterSnapshots);

    protected async Task<IReadOnlyList<string>> ManualSnapshotIdsAsync() =>
        await Rds.DescribeAllDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest { DBClusterIdentifier = Cluster, SnapshotType = "manual" })
            .Select(s => s.DBClusterSnapshotIdentifier).OrderBy(id => id, StringComparer.Ordinal).ToListAsync();

    protected static async Task<RdsException> FailsAsync(Func<Task> call, RdsErrorKind kind, string code)
    {
        var error = await Assert.ThrowsAsync<RdsException>(call);
        Assert.Equal((kind, code), (error.Kind, error.ErrorCode));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    [PeerFact]
    public async Task Describes_the_cluster_with_its_writer_and_backup_settings()
    {
        var cluster = Assert.Single((await Rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = Cluster })).DBClusters);

        Assert.Equal(Cluster, cluster.DBClusterIdentifier);
        Assert.Equal("available", cluster.Status);
        Assert.Equal("aurora-mysql", cluster.Engine);
        Assert.Equal("03:00-03:30", cluster.PreferredBackupWindow);
        Assert.Equal("sun:05:00-sun:05:30", cluster.PreferredMaintenanceWindow);
        Assert.Equal(1, cluster.BackupRetentionPeriod);
        var writer = Assert.Single(cluster.DBClusterMembers);
        Assert.Equal((Writer, true), (writer.DBInstanceIdentifier, writer.IsClusterWriter));
    }

    [PeerFact]
    public async Task Lists_every_cluster_without_an_identifier()
    {
        await Peer.SeedClusterAsync(new ClusterSeed("aurora-bob-cluster", "aurora-bob-instance-1"));

        var ids = await Rds.DescribeAllDBClustersAsync(new DescribeDBClustersRequest()).Select(c => c.DBClusterIdentifier).ToListAsync();

        Assert.Equal(["aurora-alice-cluster", "aurora-bob-cluster"], ids.Order(StringComparer.Ordinal));
    }

    [PeerFact]
    public async Task Describes_the_writer_instance_by_identifier_and_by_cluster_filter()
    {
        var byId = Assert.Single((await Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = Writer })).DBInstances);
        var byFilter = Assert.Single((await Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { Filters = [new("db-cluster-id", [Cluster])] })).DBInstances);

        Assert.Equal((Writer, "available", Cluster), (byId.DBInstanceIdentifier, byId.DBInstanceStatus, byId.DBClusterIdentifier));
        Assert.Equal(Writer, byFilter.DBInstanceIdentifier);
    }

    [PeerFact]
    public async Task An_unknown_cluster_or_instance_is_not_found()
    {
        var cluster = await FailsAsync(
            () => Rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = "aurora-nobody-cluster" }),
            RdsErrorKind.NotFound, "DBClusterNotFoundFault");
        await FailsAsync(
            () => Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = "aurora-nobody-instance-1" }),
            RdsErrorKind.NotFound, "DBInstanceNotFound");

        Assert.Equal(404, cluster.StatusCode);
        Assert.False(string.IsNullOrEmpty(cluster.RequestId));
    }

    [PeerFact]
    public async Task Creates_a_manual_snapshot_that_becomes_available()
    {
        var created = (await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-alice-snap1", Cluster))).DBClusterSnapshot;
        await Peer.SettleAsync();
        var later = await SnapshotAsync("aurora-alice-snap1");

        Assert.Equal(("aurora-alice-snap1", Cluster, "manual"), (created.DBClusterSnapshotIdentifier, created.DBClusterIdentifier, created.SnapshotType));
        Assert.Contains(created.Status, (string[])["creating", "available"]);
        Assert.InRange(created.PercentProgress ?? 0, 0, 100);
        Assert.NotNull(created.SnapshotCreateTime);
        Assert.Equal(("available", 100), (later.Status, later.PercentProgress));
        Assert.Equal(["aurora-alice-snap1"], await ManualSnapshotIdsAsync());
    }

    [PeerFact]
    public async Task A_second_snapshot_with_the_same_name_already_exists()
    {
        await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-alice-snap1", Cluster));

        var error = await FailsAsync(
            () => Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-alice-snap1", Cluster)),
            RdsErrorKind.AlreadyExists, "DBClusterSnapshotAlreadyExistsFault");

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(["aurora-alice-snap1"], await ManualSnapshotIdsAsync());
    }

    [PeerFact]
    public async Task A_snapshot_of_an_unknown_cluster_is_refused_as_not_found()
    {
        await FailsAsync(
            () => Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-nobody-snap1", "aurora-nobody-cluster")),
            RdsErrorKind.NotFound, "DBClusterNotFoundFault");
    }

    [PeerFact]
    public async Task An_unknown_snapshot_is_not_found()
    {
        var error = await FailsAsync(
            () => Rds.DescribeDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest { DBClusterSnapshotIdentifier = "aurora-alice-nosnap" }),
            RdsErrorKind.NotFound, "DBClusterSnapshotNotFoundFault");

        Assert.Equal(404, error.StatusCode);
    }

    [PeerFact]
    public async Task Lists_snapshots_by_cluster_and_type_and_by_filters()
    {
        await Peer.SeedClusterAsync(new ClusterSeed("aurora-bob-cluster", "aurora-bob-instance-1"));
        await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-alice-snap1", Cluster));
        await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-alice-snap2", Cluster));
        await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-bob-snap1", "aurora-bob-cluster"));

        var byFilters = await Rds.DescribeAllDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest
        {
            Filters = [new("db-cluster-id", [Cluster]), new("snapshot-type", ["manual"])],
        }).Select(s => s.DBClusterSnapshotIdentifier).ToListAsync();

        Assert.Equal(["aurora-alice-snap1", "aurora-alice-snap2"], await ManualSnapshotIdsAsync());
        Assert.Equal(["aurora-alice-snap1", "aurora-alice-snap2"], byFilters.Order(StringComparer.Ordinal));
    }

    [PeerFact]
    public async Task Deletes_a_snapshot_which_is_then_gone()
    {
        await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-alice-snap1", Cluster));
        await Peer.SettleAsync();

        var deleted = (await Rds.DeleteDBClusterSnapshotAsync(new DeleteDBClusterSnapshotRequest("aurora-alice-snap1"))).DBClusterSnapshot;

        Assert.Equal("aurora-alice-snap1", deleted.DBClusterSnapshotIdentifier);
        Assert.Empty(await ManualSnapshotIdsAsync());
        await FailsAsync(
            () => Rds.DeleteDBClusterSnapshotAsync(new DeleteDBClusterSnapshotRequest("aurora-alice-snap1")),
            RdsErrorKind.NotFound, "DBClusterSnapshotNotFoundFault");
    }

    [PeerFact]
    public async Task Copies_a_snapshot_under_a_new_name()
    {
        await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-alice-snap1", Cluster));
        await Peer.SettleAsync();

        var copy = (await Rds.CopyDBClusterSnapshotAsync(new CopyDBClusterSnapshotRequest("aurora-alice-snap1", "aurora-alice-copy"))).DBClusterSnapshot;
        await Peer.SettleAsync();

        Assert.Equal(("aurora-alice-copy", "manual", Cluster), (copy.DBClusterSnapshotIdentifier, copy.SnapshotType, copy.DBClusterIdentifier));
        Assert.Equal(["aurora-alice-copy", "aurora-alice-snap1"], await ManualSnapshotIdsAsync());
        Assert.Equal("available", (await SnapshotAsync("aurora-alice-copy")).Status);
        await FailsAsync(
            () => Rds.CopyDBClusterSnapshotAsync(new CopyDBClusterSnapshotRequest("aurora-alice-nosnap", "aurora-alice-copy2")),
            RdsErrorKind.NotFound, "DBClusterSnapshotNotFoundFault");
        await FailsAsync(
            () => Rds.CopyDBClusterSnapshotAsync(new CopyDBClusterSnapshotRequest("aurora-alice-snap1", "aurora-alice-copy")),
            RdsErrorKind.AlreadyExists, "DBClusterSnapshotAlreadyExistsFault");
    }

    [PeerFact]
    public async Task Shares_a_snapshot_with_accounts_and_stops_sharing()
    {
        await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-alice-snap1", Cluster));
        await Peer.SettleAsync();

        var shared = (await Rds.ModifyDBClusterSnapshotAttributeAsync(new ModifyDBClusterSnapshotAttributeRequest("aurora-alice-snap1", "restore")
        {
            ValuesToAdd = ["123456789012", "210987654321"],
        })).DBClusterSnapshotAttributesResult;
        await Rds.ModifyDBClusterSnapshotAttributeAsync(new ModifyDBClusterSnapshotAttributeRequest("aurora-alice-snap1", "restore")
        {
            ValuesToRemove = ["123456789012"],
        });
        var after = (await Rds.DescribeDBClusterSnapshotAttributesAsync(new DescribeDBClusterSnapshotAttributesRequest("aurora-alice-snap1"))).DBClusterSnapshotAttributesResult;

        Assert.Equal("aurora-alice-snap1", shared.DBClusterSnapshotIdentifier);
        Assert.Equal(["123456789012", "210987654321"], RestoreAccounts(shared));
        Assert.Equal(["210987654321"], RestoreAccounts(after));
        await FailsAsync(
            () => Rds.DescribeDBClusterSnapshotAttributesAsync(new DescribeDBClusterSnapshotAttributesRequest("aurora-alice-nosnap")),
            RdsErrorKind.NotFound, "DBClusterSnapshotNotFoundFault");
    }

    [PeerFact]
    public async Task Restores_a_snapshot_to_a_new_cluster_with_a_writer_then_deletes_both()
    {
        await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-alice-snap1", Cluster));
        await Peer.SettleAsync();

        var restored = (await Rds.RestoreDBClusterFromSnapshotAsync(new RestoreDBClusterFromSnapshotRequest("aurora-alice-restored", "aurora-alice-snap1", "aurora-mysql"))).DBCluster;
        var writer = (await Rds.CreateDBInstanceAsync(new CreateDBInstanceRequest("aurora-alice-restored-1", "db.r5.large", "aurora-mysql") { DBClusterIdentifier = "aurora-alice-restored" })).DBInstance;
        await Peer.SettleAsync();
        var later = Assert.Single((await Rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = "aurora-alice-restored" })).DBClusters);

        Assert.Equal(("aurora-alice-restored", "aurora-mysql"), (restored.DBClusterIdentifier, restored.Engine));
        Assert.Contains(restored.Status, (string[])["creating", "available"]);
        Assert.Equal(("aurora-alice-restored-1", "aurora-alice-restored"), (writer.DBInstanceIdentifier, writer.DBClusterIdentifier));
        Assert.Equal("available", later.Status);
        Assert.Equal(("aurora-alice-restored-1", true), (Assert.Single(later.DBClusterMembers).DBInstanceIdentifier, later.DBClusterMembers[0].IsClusterWriter));

        await Rds.DeleteDBInstanceAsync(new DeleteDBInstanceRequest("aurora-alice-restored-1"));
        await Rds.DeleteDBClusterAsync(new DeleteDBClusterRequest("aurora-alice-restored"));
        await Peer.SettleAsync();

        var left = await Rds.DescribeAllDBClustersAsync(new DescribeDBClustersRequest()).Select(c => c.DBClusterIdentifier).ToListAsync();
        Assert.Equal([Cluster], left);
    }

    [PeerFact]
    public async Task Restoring_an_unknown_snapshot_is_not_found()
    {
        await FailsAsync(
            () => Rds.RestoreDBClusterFromSnapshotAsync(new RestoreDBClusterFromSnapshotRequest("aurora-alice-restored", "aurora-alice-nosnap", "aurora-mysql")),
            RdsErrorKind.NotFound, "DBClusterSnapshotNotFoundFault");
    }

    private static IEnumerable<string> RestoreAccounts(DBClusterSnapshotAttributesResult result) =>
        Assert.Single(result.DBClusterSnapshotAttributes, a => a.AttributeName == "restore").AttributeValues.Order(StringComparer.Ordinal);

    [PeerFact]
    public async Task Modifies_the_backup_window_and_retention_at_once()
    {
        var modified = (await Rds.ModifyDBClusterAsync(new ModifyDBClusterRequest(Cluster)
        {
            PreferredBackupWindow = "04:00-04:30",
            BackupRetentionPeriod = 7,
            ApplyImmediately = true,
        })).DBCluster;
        var described = Assert.Single((await Rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = Cluster })).DBClusters);

        Assert.Equal(("04:00-04:30", 7), (modified.PreferredBackupWindow, modified.BackupRetentionPeriod));
        Assert.Equal(("04:00-04:30", 7), (described.PreferredBackupWindow, described.BackupRetentionPeriod));
        Assert.Equal("sun:05:00-sun:05:30", described.PreferredMaintenanceWindow);
    }

    [PeerFact]
    public async Task The_paginator_yields_every_snapshot_exactly_once()
    {
        var ids = Enumerable.Range(1, 25).Select(i => $"aurora-alice-snap{i:00}").ToArray();
        foreach (var id in ids)
        {
            await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest(id, Cluster));
        }

        var listed = await Rds.DescribeAllDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest { SnapshotType = "manual", MaxRecords = 20 })
            .Select(s => s.DBClusterSnapshotIdentifier).ToListAsync();

        Assert.Equal(ids, listed.Order(StringComparer.Ordinal));
    }

    [PeerFact]
    public async Task Tags_added_to_a_cluster_by_its_arn_are_listed_and_come_back_in_its_TagList()
    {
        var arn = (await Rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = Cluster })).DBClusters[0].DBClusterArn!;

        await Rds.AddTagsToResourceAsync(new AddTagsToResourceRequest(arn, [new("labrunner:ack:snapshot-actions", "2025-03-03T10:00:00Z"), new("team", "blue")]));
        await Rds.AddTagsToResourceAsync(new AddTagsToResourceRequest(arn, [new("team", "red")]));
        await Rds.RemoveTagsFromResourceAsync(new RemoveTagsFromResourceRequest(arn, ["labrunner:ack:snapshot-actions"]));
        await Rds.AddTagsToResourceAsync(new AddTagsToResourceRequest(arn, [new("labrunner:ack:find-cluster", "2025-03-03T10:05:00Z")]));

        var listed = (await Rds.ListTagsForResourceAsync(new ListTagsForResourceRequest(arn))).TagList;
        var described = (await Rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = Cluster })).DBClusters[0].TagList;
        Assert.Equal([new("labrunner:ack:find-cluster", "2025-03-03T10:05:00Z"), new("team", "red")], listed.OrderBy(tag => tag.Key, StringComparer.Ordinal));
        Assert.Equal(listed.OrderBy(tag => tag.Key, StringComparer.Ordinal), described.OrderBy(tag => tag.Key, StringComparer.Ordinal));
        Assert.Equal("red", described.ValueOf("team"));
    }

    [PeerFact]
    public async Task Tags_on_an_instance_come_back_in_DescribeDBInstances()
    {
        var arn = (await Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = Writer })).DBInstances[0].DBInstanceArn!;

        await Rds.AddTagsToResourceAsync(new AddTagsToResourceRequest(arn, [new("owner", "alice")]));

        var instance = Assert.Single((await Rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = Writer })).DBInstances);
        Assert.Equal([new Tag("owner", "alice")], instance.TagList);
    }
}
