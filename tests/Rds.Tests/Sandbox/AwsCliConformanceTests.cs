using System.Text.Json;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Sandbox;

/// <summary>
/// The sandbox driven by the real AWS CLI v1 and boto3 (botocore's serializer, parser, waiters and paginators),
/// asserting on what they print, so the sandbox is proven against clients nobody here wrote.
/// </summary>
public sealed class AwsCliConformanceTests : IAsyncLifetime
{
    private SandboxFixture sandbox = null!;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync();
        sandbox.SeedCluster("aurora-alice-cluster", "aurora-alice-instance-1");
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [PeerFact(RealPeer.AwsCli)]
    public async Task Describe_create_wait_and_modify_through_the_cli()
    {
        var clusters = await Json("describe-db-clusters");
        var cluster = clusters.RootElement.GetProperty("DBClusters")[0];
        Assert.Equal("aurora-alice-cluster", cluster.GetProperty("DBClusterIdentifier").GetString());
        Assert.True(cluster.GetProperty("DBClusterMembers")[0].GetProperty("IsClusterWriter").GetBoolean());
        Assert.Equal(1, cluster.GetProperty("BackupRetentionPeriod").GetInt32());

        var created = await Json("create-db-cluster-snapshot", "--db-cluster-identifier", "aurora-alice-cluster", "--db-cluster-snapshot-identifier", "Aurora-Alice-Snap1");
        var snapshot = created.RootElement.GetProperty("DBClusterSnapshot");
        Assert.Equal(("aurora-alice-snap1", "creating", 0), (snapshot.GetProperty("DBClusterSnapshotIdentifier").GetString(), snapshot.GetProperty("Status").GetString(), snapshot.GetProperty("PercentProgress").GetInt32()));

        // The waiter's first poll is immediate; with the sandbox's clock past the snapshot's duration it succeeds at once.
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        var waited = await AwsCli.RdsAsync(sandbox.Uri, "wait", "db-cluster-snapshot-available", "--db-cluster-snapshot-identifier", "aurora-alice-snap1");
        Assert.True(waited.ExitCode == 0, waited.ToString());

        var modified = await Json("modify-db-cluster", "--db-cluster-identifier", "aurora-alice-cluster", "--preferred-backup-window", "05:00-05:45", "--backup-retention-period", "7", "--apply-immediately");
        Assert.Equal("05:00-05:45", modified.RootElement.GetProperty("DBCluster").GetProperty("PreferredBackupWindow").GetString());
        Assert.Equal(7, modified.RootElement.GetProperty("DBCluster").GetProperty("BackupRetentionPeriod").GetInt32());
    }

    [PeerTheory(RealPeer.AwsCli)]
    [InlineData("DBClusterNotFoundFault", "DescribeDBClusters", "DBCluster ghost not found.", "describe-db-clusters", "--db-cluster-identifier", "ghost")]
    [InlineData("DBClusterSnapshotNotFoundFault", "DescribeDBClusterSnapshots", "DBClusterSnapshot ghost not found.", "describe-db-cluster-snapshots", "--db-cluster-snapshot-identifier", "ghost")]
    [InlineData("InvalidParameterValue", "ModifyDBCluster", "The backup window must be at least 30 minutes.", "modify-db-cluster", "--db-cluster-identifier", "aurora-alice-cluster", "--preferred-backup-window", "05:00-05:10")]
    [InlineData("InvalidParameterValue", "ModifyDBCluster", "The backup window and maintenance window must not overlap.", "modify-db-cluster", "--db-cluster-identifier", "aurora-alice-cluster", "--preferred-backup-window", "08:45-09:15")]
    [InlineData("InvalidParameterValue", "DescribeDBClusterSnapshots", "Invalid value 10 for MaxRecords. Must be between 20 and 100", "describe-db-cluster-snapshots", "--max-records", "10")]
    [InlineData("DBClusterNotFoundFault", "CreateDBClusterSnapshot", "DBCluster ghost not found.", "create-db-cluster-snapshot", "--db-cluster-identifier", "ghost", "--db-cluster-snapshot-identifier", "s")]
    public async Task Errors_reach_the_cli_with_rds_codes(string code, string operation, string message, params string[] arguments)
    {
        var result = await AwsCli.RdsAsync(sandbox.Uri, arguments);

        Assert.Equal(255, result.ExitCode);
        Assert.Contains($"An error occurred ({code}) when calling the {operation} operation: {message}", result.StandardError);
    }

    [PeerFact(RealPeer.AwsCli)]
    public async Task Tags_added_listed_and_removed_through_the_cli_show_in_describe()
    {
        var arn = (await Json("describe-db-clusters")).RootElement.GetProperty("DBClusters")[0].GetProperty("DBClusterArn").GetString()!;

        var added = await AwsCli.RdsAsync(sandbox.Uri, "add-tags-to-resource", "--resource-name", arn, "--tags", "Key=labrunner:ack:snapshot-actions,Value=2025-03-03T10:00:00Z", "Key=team,Value=blue");
        Assert.True(added.ExitCode == 0, added.ToString());
        var removed = await AwsCli.RdsAsync(sandbox.Uri, "remove-tags-from-resource", "--resource-name", arn, "--tag-keys", "team");
        Assert.True(removed.ExitCode == 0, removed.ToString());

        var listed = (await Json("list-tags-for-resource", "--resource-name", arn)).RootElement.GetProperty("TagList");
        var described = (await Json("describe-db-clusters")).RootElement.GetProperty("DBClusters")[0].GetProperty("TagList");
        foreach (var tags in new[] { listed, described })
        {
            var tag = Assert.Single(tags.EnumerateArray());
            Assert.Equal(("labrunner:ack:snapshot-actions", "2025-03-03T10:00:00Z"), (tag.GetProperty("Key").GetString(), tag.GetProperty("Value").GetString()));
        }
        var missing = await AwsCli.RdsAsync(sandbox.Uri, "list-tags-for-resource", "--resource-name", arn.Replace("aurora-alice-cluster", "ghost", StringComparison.Ordinal));
        Assert.Contains("An error occurred (DBClusterNotFoundFault) when calling the ListTagsForResource operation: DBCluster ghost not found.", missing.StandardError);
    }

    [PeerFact(RealPeer.AwsCli)]
    public async Task Duplicate_snapshot_and_automated_delete_errors_reach_the_cli()
    {
        await Json("create-db-cluster-snapshot", "--db-cluster-identifier", "aurora-alice-cluster", "--db-cluster-snapshot-identifier", "dup");
        var duplicate = await AwsCli.RdsAsync(sandbox.Uri, "create-db-cluster-snapshot", "--db-cluster-identifier", "aurora-alice-cluster", "--db-cluster-snapshot-identifier", "dup");
        Assert.Equal(255, duplicate.ExitCode);
        Assert.Contains("(DBClusterSnapshotAlreadyExistsFault)", duplicate.StandardError);

        var automated = (await Json("describe-db-cluster-snapshots", "--snapshot-type", "automated")).RootElement.GetProperty("DBClusterSnapshots")[0].GetProperty("DBClusterSnapshotIdentifier").GetString()!;
        var refused = await AwsCli.RdsAsync(sandbox.Uri, "delete-db-cluster-snapshot", "--db-cluster-snapshot-identifier", automated);
        Assert.Equal(255, refused.ExitCode);
        Assert.Contains("An error occurred (InvalidDBClusterSnapshotStateFault) when calling the DeleteDBClusterSnapshot operation: Only manual snapshots may be deleted.", refused.StandardError);
    }

    [PeerFact(RealPeer.AwsCli)]
    public async Task Cli_pagination_with_page_size_and_max_items_walks_every_snapshot()
    {
        for (var index = 0; index < 45; index++)
            await sandbox.CallAsync("CreateDBClusterSnapshot", ("DBClusterSnapshotIdentifier", $"page-{index:00}"), ("DBClusterIdentifier", "aurora-alice-cluster"));

        var first = await Json("describe-db-cluster-snapshots", "--snapshot-type", "manual", "--page-size", "20", "--max-items", "30");
        var firstIds = Ids(first);
        Assert.Equal(30, firstIds.Count);
        var token = first.RootElement.GetProperty("NextToken").GetString()!;
        var rest = await Json("describe-db-cluster-snapshots", "--snapshot-type", "manual", "--page-size", "20", "--max-items", "30", "--starting-token", token);
        var restIds = Ids(rest);
        Assert.Equal(15, restIds.Count);
        Assert.False(rest.RootElement.TryGetProperty("NextToken", out _));
        Assert.Equal(Enumerable.Range(0, 45).Select(index => $"page-{index:00}"), firstIds.Concat(restIds));

        var all = await Json("describe-db-cluster-snapshots", "--page-size", "20");
        Assert.Equal(46, Ids(all).Count); // 45 manual and the seeded automated one, across 3 pages
    }

    [PeerFact(RealPeer.AwsCli, RealPeer.Boto3)]
    public async Task Boto3_waiter_paginator_and_errors_on_a_real_clock()
    {
        await using var live = await SandboxFixture.StartAsync(options => options with { TimeProvider = TimeProvider.System, SnapshotDuration = TimeSpan.FromSeconds(1.5) });
        live.SeedCluster("aurora-bob-cluster");
        const string script = """
            import sys, time, boto3
            rds = boto3.client("rds", endpoint_url=sys.argv[1], region_name="us-east-1")
            rds.create_db_cluster_snapshot(DBClusterIdentifier="aurora-bob-cluster", DBClusterSnapshotIdentifier="bob-snap1")
            seen = []
            def record(**kwargs):
                seen.extend(s["Status"] for s in kwargs["parsed"].get("DBClusterSnapshots", []))
            rds.meta.events.register("after-call.rds.DescribeDBClusterSnapshots", lambda **kw: seen.extend(s["Status"] for s in kw["parsed"].get("DBClusterSnapshots", [])))
            start = time.monotonic()
            rds.get_waiter("db_cluster_snapshot_available").wait(DBClusterSnapshotIdentifier="bob-snap1", WaiterConfig={"Delay": 0.5, "MaxAttempts": 20})
            print("statuses", ",".join(dict.fromkeys(seen)))
            pages = list(rds.get_paginator("describe_db_cluster_snapshots").paginate(PaginationConfig={"PageSize": 20}))
            print("pages", len(pages), sum(len(p["DBClusterSnapshots"]) for p in pages))
            try:
                rds.describe_db_clusters(DBClusterIdentifier="ghost")
            except rds.exceptions.DBClusterNotFoundFault as error:
                print("error", error.response["Error"]["Code"], error.response["ResponseMetadata"]["HTTPStatusCode"])
            rds.delete_db_cluster_snapshot(DBClusterSnapshotIdentifier="bob-snap1")
            rds.get_waiter("db_cluster_snapshot_deleted").wait(DBClusterSnapshotIdentifier="bob-snap1", WaiterConfig={"Delay": 0.5, "MaxAttempts": 4})
            print("deleted")
            """;

        var result = await AwsCli.Boto3Async(live.Uri, script, TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("statuses creating,available", lines[0]);
        Assert.Equal("pages 1 2", lines[1]);
        Assert.Equal("error DBClusterNotFoundFault 404", lines[2]);
        Assert.Equal("deleted", lines[3]);
    }

    [PeerFact(RealPeer.AwsCli)]
    public async Task Copy_share_restore_wait_and_delete_through_the_cli()
    {
        await Json("create-db-cluster-snapshot", "--db-cluster-identifier", "aurora-alice-cluster", "--db-cluster-snapshot-identifier", "aurora-alice-snap1");
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));

        var copy = await Json("copy-db-cluster-snapshot", "--source-db-cluster-snapshot-identifier", "aurora-alice-snap1", "--target-db-cluster-snapshot-identifier", "aurora-alice-snap1-copy");
        Assert.Equal("copying", copy.RootElement.GetProperty("DBClusterSnapshot").GetProperty("Status").GetString());
        await Json("modify-db-cluster-snapshot-attribute", "--db-cluster-snapshot-identifier", "aurora-alice-snap1", "--attribute-name", "restore", "--values-to-add", "123456789012");
        var shared = await Json("describe-db-cluster-snapshot-attributes", "--db-cluster-snapshot-identifier", "aurora-alice-snap1");
        var restore = shared.RootElement.GetProperty("DBClusterSnapshotAttributesResult").GetProperty("DBClusterSnapshotAttributes")[0];
        Assert.Equal(("restore", "123456789012"), (restore.GetProperty("AttributeName").GetString(), restore.GetProperty("AttributeValues")[0].GetString()));

        var restored = await Json("restore-db-cluster-from-snapshot", "--db-cluster-identifier", "aurora-alice-restored", "--snapshot-identifier", "aurora-alice-snap1", "--engine", "aurora-mysql");
        var writer = await Json("create-db-instance", "--db-instance-identifier", "aurora-alice-restored-1", "--db-cluster-identifier", "aurora-alice-restored", "--db-instance-class", "db.r6g.large", "--engine", "aurora-mysql");
        Assert.Equal("creating", restored.RootElement.GetProperty("DBCluster").GetProperty("Status").GetString());
        Assert.Equal("creating", writer.RootElement.GetProperty("DBInstance").GetProperty("DBInstanceStatus").GetString());

        // Each waiter's first poll is immediate; with the sandbox's clock past provisioning and copying it succeeds at once.
        sandbox.Time.Advance(TimeSpan.FromHours(1));
        foreach (var wait in new[] { new[] { "db-cluster-available", "--db-cluster-identifier", "aurora-alice-restored" }, ["db-cluster-snapshot-available", "--db-cluster-snapshot-identifier", "aurora-alice-snap1-copy"] })
        {
            var waited = await AwsCli.RdsAsync(sandbox.Uri, ["wait", .. wait]);
            Assert.True(waited.ExitCode == 0, waited.ToString());
        }

        await Json("delete-db-instance", "--db-instance-identifier", "aurora-alice-restored-1");
        var deleted = await Json("delete-db-cluster", "--db-cluster-identifier", "aurora-alice-restored", "--skip-final-snapshot");
        Assert.Equal("deleting", deleted.RootElement.GetProperty("DBCluster").GetProperty("Status").GetString());
        var gone = await AwsCli.RdsAsync(sandbox.Uri, "wait", "db-cluster-deleted", "--db-cluster-identifier", "aurora-alice-restored");
        Assert.True(gone.ExitCode == 0, gone.ToString());
    }

    [PeerFact(RealPeer.AwsCli, RealPeer.Boto3)]
    public async Task Boto3_cluster_waiter_sees_a_restore_go_from_creating_to_available_on_a_real_clock()
    {
        await using var live = await SandboxFixture.StartAsync(options => options with
        {
            TimeProvider = TimeProvider.System,
            SnapshotDuration = TimeSpan.FromSeconds(0.5),
            ProvisioningDuration = TimeSpan.FromSeconds(1.5),
        });
        live.SeedCluster("aurora-bob-cluster");
        const string script = """
            import sys, boto3
            rds = boto3.client("rds", endpoint_url=sys.argv[1], region_name="us-east-1")
            rds.create_db_cluster_snapshot(DBClusterIdentifier="aurora-bob-cluster", DBClusterSnapshotIdentifier="bob-snap1")
            rds.get_waiter("db_cluster_snapshot_available").wait(DBClusterSnapshotIdentifier="bob-snap1", WaiterConfig={"Delay": 0.5, "MaxAttempts": 20})
            rds.restore_db_cluster_from_snapshot(DBClusterIdentifier="bob-restored", SnapshotIdentifier="bob-snap1", Engine="aurora-mysql")
            seen = []
            rds.meta.events.register("after-call.rds.DescribeDBClusters", lambda **kw: seen.extend(c["Status"] for c in kw["parsed"].get("DBClusters", [])))
            rds.get_waiter("db_cluster_available").wait(DBClusterIdentifier="bob-restored", WaiterConfig={"Delay": 0.5, "MaxAttempts": 20})
            print("statuses", ",".join(dict.fromkeys(seen)))
            """;

        var result = await AwsCli.Boto3Async(live.Uri, script, TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("statuses creating,available", result.StandardOutput.Trim());
    }

    private async Task<JsonDocument> Json(params string[] arguments)
    {
        var result = await AwsCli.RdsAsync(sandbox.Uri, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.StandardOutput);
    }

    private static List<string> Ids(JsonDocument document) =>
        document.RootElement.GetProperty("DBClusterSnapshots").EnumerateArray().Select(snapshot => snapshot.GetProperty("DBClusterSnapshotIdentifier").GetString()!).ToList();
}
