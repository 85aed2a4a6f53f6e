using LabRunner.Rds.Model;
using LabRunner.TestSupport.Peers;

namespace LabRunner.Rds.Tests.Contract;

/// <summary>
/// RDS behaviour a learner or a client would notice that moto does not imitate (see <see cref="MotoContractTests"/>):
/// paging by <c>MaxRecords</c>, parameter validation, lowercase identifiers, snapshots that take time.
/// The sandbox's contract class derives from this one; moto's from <see cref="RdsApiContract"/> only.
/// </summary>
public abstract class RdsFaithfulContract(IRdsPeer peer) : RdsApiContract(peer)
{
    [Fact]
    public async Task Pages_by_MaxRecords_with_a_marker_until_the_last_page()
    {
        for (var i = 1; i <= 25; i++)
        {
            await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest($"aurora-alice-snap{i:00}", Cluster));
        }

        var request = new DescribeDBClusterSnapshotsRequest { DBClusterIdentifier = Cluster, SnapshotType = "manual", MaxRecords = 20 };
        var first = await Rds.DescribeDBClusterSnapshotsAsync(request);
        var second = await Rds.DescribeDBClusterSnapshotsAsync(request.WithMarker(first.Marker));

        Assert.Equal(20, first.DBClusterSnapshots.Count);
        Assert.False(string.IsNullOrEmpty(first.Marker));
        Assert.Equal(5, second.DBClusterSnapshots.Count);
        Assert.Null(second.Marker);
        Assert.Empty(first.DBClusterSnapshots.Select(s => s.DBClusterSnapshotIdentifier).Intersect(second.DBClusterSnapshots.Select(s => s.DBClusterSnapshotIdentifier)));
    }

    [Fact]
    public async Task Restoring_onto_a_taken_cluster_name_already_exists()
    {
        await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-alice-snap1", Cluster));
        await Peer.SettleAsync();

        await FailsAsync(
            () => Rds.RestoreDBClusterFromSnapshotAsync(new RestoreDBClusterFromSnapshotRequest(Cluster, "aurora-alice-snap1", "aurora-mysql")),
            RdsErrorKind.AlreadyExists, "DBClusterAlreadyExistsFault");
    }

    [Fact]
    public async Task A_restored_cluster_is_creating_with_progress_until_provisioned()
    {
        await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-alice-snap1", Cluster));
        await Peer.SettleAsync();

        var restored = (await Rds.RestoreDBClusterFromSnapshotAsync(new RestoreDBClusterFromSnapshotRequest("aurora-alice-restored", "aurora-alice-snap1", "aurora-mysql"))).DBCluster;
        await Peer.SettleAsync();
        var later = Assert.Single((await Rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = "aurora-alice-restored" })).DBClusters);

        Assert.Equal(("creating", "0"), (restored.Status, restored.PercentProgress));
        Assert.Equal(("available", null), (later.Status, later.PercentProgress));
        Assert.Empty(later.DBClusterMembers);
    }

    [Theory]
    [InlineData(19)]
    [InlineData(101)]
    public async Task MaxRecords_outside_20_to_100_is_an_invalid_parameter(int maxRecords)
    {
        await FailsAsync(
            () => Rds.DescribeDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest { MaxRecords = maxRecords }),
            RdsErrorKind.InvalidParameter, "InvalidParameterValue");
    }

    [Theory]
    [InlineData("04:00-04:20")] // shorter than 30 minutes
    [InlineData("05:15-05:45")] // overlaps the maintenance window sun:05:00-sun:05:30
    [InlineData("25:00-25:30")] // not a time of day
    [InlineData("4am-5am")]
    public async Task A_bad_backup_window_is_an_invalid_parameter_and_changes_nothing(string window)
    {
        await FailsAsync(
            () => Rds.ModifyDBClusterAsync(new ModifyDBClusterRequest(Cluster) { PreferredBackupWindow = window, ApplyImmediately = true }),
            RdsErrorKind.InvalidParameter, "InvalidParameterValue");

        var cluster = Assert.Single((await Rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = Cluster })).DBClusters);
        Assert.Equal("03:00-03:30", cluster.PreferredBackupWindow);
    }

    [Fact]
    public async Task Modifying_an_unknown_cluster_is_not_found()
    {
        await FailsAsync(
            () => Rds.ModifyDBClusterAsync(new ModifyDBClusterRequest("aurora-nobody-cluster") { PreferredBackupWindow = "04:00-04:30", ApplyImmediately = true }),
            RdsErrorKind.NotFound, "DBClusterNotFoundFault");
    }

    [Fact]
    public async Task Snapshot_identifiers_are_stored_lowercase()
    {
        var created = (await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("Aurora-Alice-Snap1", Cluster))).DBClusterSnapshot;

        Assert.Equal("aurora-alice-snap1", created.DBClusterSnapshotIdentifier);
        Assert.Equal("aurora-alice-snap1", (await SnapshotAsync("AURORA-ALICE-SNAP1")).DBClusterSnapshotIdentifier);
    }

    [Theory]
    [InlineData("1-starts-with-a-digit")]
    [InlineData("two--hyphens")]
    [InlineData("trailing-hyphen-")]
    [InlineData("under_score")]
    public async Task An_identifier_breaking_RDS_rules_is_an_invalid_parameter(string id)
    {
        await FailsAsync(
            () => Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest(id, Cluster)),
            RdsErrorKind.InvalidParameter, "InvalidParameterValue");
    }

    [Fact]
    public async Task A_new_snapshot_is_creating_before_it_is_available()
    {
        var created = (await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-alice-snap1", Cluster))).DBClusterSnapshot;
        await Peer.SettleAsync();

        Assert.Equal("creating", created.Status);
        Assert.InRange(created.PercentProgress ?? 0, 0, 99);
        var settled = await SnapshotAsync("aurora-alice-snap1");
        Assert.Equal(("available", 100), (settled.Status, settled.PercentProgress));
    }

    [Fact]
    public async Task Tagging_a_cluster_that_does_not_exist_is_not_found_as_RDS_answers_it()
    {
        // moto 5.2 answers an empty list and ignores the tags instead.
        var arn = (await Rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = Cluster })).DBClusters[0].DBClusterArn!.Replace(Cluster, "aurora-nobody-cluster", StringComparison.Ordinal);

        await FailsAsync(() => Rds.AddTagsToResourceAsync(new AddTagsToResourceRequest(arn, [new("team", "blue")])), RdsErrorKind.NotFound, "DBClusterNotFoundFault");
        await FailsAsync(() => Rds.ListTagsForResourceAsync(new ListTagsForResourceRequest(arn)), RdsErrorKind.NotFound, "DBClusterNotFoundFault");
        await FailsAsync(() => Rds.RemoveTagsFromResourceAsync(new RemoveTagsFromResourceRequest(arn, ["team"])), RdsErrorKind.NotFound, "DBClusterNotFoundFault");
    }

    [Fact]
    public async Task A_snapshot_keeps_its_tags_and_a_copy_takes_them_only_when_asked()
    {
        var snapshot = (await Rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-alice-snap1", Cluster))).DBClusterSnapshot;
        await Rds.AddTagsToResourceAsync(new AddTagsToResourceRequest(snapshot.DBClusterSnapshotArn!, [new("purpose", "lab")]));
        await Peer.SettleAsync();

        await Rds.CopyDBClusterSnapshotAsync(new CopyDBClusterSnapshotRequest("aurora-alice-snap1", "aurora-alice-plain"));
        await Rds.CopyDBClusterSnapshotAsync(new CopyDBClusterSnapshotRequest("aurora-alice-snap1", "aurora-alice-tagged") { CopyTags = true });

        Assert.Equal([new Tag("purpose", "lab")], (await SnapshotAsync("aurora-alice-snap1")).TagList);
        Assert.Empty((await SnapshotAsync("aurora-alice-plain")).TagList);
        Assert.Equal([new Tag("purpose", "lab")], (await SnapshotAsync("aurora-alice-tagged")).TagList);
    }
}
