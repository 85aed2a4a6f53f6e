using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Sandbox;

/// <summary>DescribeDBClusters, ModifyDBCluster, CreateDBCluster and DeleteDBCluster over real HTTP, asserting on RDS's XML.</summary>
public sealed class ClusterApiTests : IAsyncLifetime
{
    private SandboxFixture sandbox = null!;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync();
        sandbox.SeedCluster("aurora-alice-cluster", "aurora-alice-instance-1");
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task Seeded_cluster_is_described_in_rds_shape()
    {
        var result = await sandbox.CallAsync("DescribeDBClusters", ("DBClusterIdentifier", "Aurora-Alice-Cluster"));

        Assert.Equal(200, result.Status);
        Assert.Equal("DescribeDBClustersResponse", result.Root.Name.LocalName);
        Assert.Equal(QueryResult.Rds, result.Root.Name.Namespace);
        Assert.False(string.IsNullOrEmpty(result.Root.Element(QueryResult.Rds + "ResponseMetadata")?.Field("RequestId")));
        var cluster = Assert.Single(result.Members("DBClusters", "DBCluster"));
        Assert.Equal("aurora-alice-cluster", cluster.Field("DBClusterIdentifier"));
        Assert.Equal("available", cluster.Field("Status"));
        Assert.Equal("aurora-mysql", cluster.Field("Engine"));
        Assert.Equal("07:10-07:40", cluster.Field("PreferredBackupWindow"));
        Assert.Equal("sun:09:00-sun:09:30", cluster.Field("PreferredMaintenanceWindow"));
        Assert.Equal("1", cluster.Field("BackupRetentionPeriod"));
        Assert.Equal("arn:aws:rds:us-east-1:000000000000:cluster:aurora-alice-cluster", cluster.Field("DBClusterArn"));
        var member = Assert.Single(cluster.Element(QueryResult.Rds + "DBClusterMembers")!.Elements(QueryResult.Rds + "DBClusterMember"));
        Assert.Equal("aurora-alice-instance-1", member.Field("DBInstanceIdentifier"));
        Assert.Equal("true", member.Field("IsClusterWriter"));
        Assert.Null(cluster.Element(QueryResult.Rds + "PendingModifiedValues"));
    }

    [Fact]
    public async Task Unknown_cluster_is_a_404_error_response()
    {
        var result = await sandbox.CallAsync("DescribeDBClusters", ("DBClusterIdentifier", "nope"));

        Assert.Equal(404, result.Status);
        Assert.Equal("ErrorResponse", result.Root.Name.LocalName);
        Assert.Equal("Sender", result.ErrorType);
        Assert.Equal("DBClusterNotFoundFault", result.ErrorCode);
        Assert.Equal("DBCluster nope not found.", result.ErrorMessage);
        Assert.False(string.IsNullOrEmpty(result.Root.Field("RequestId")));
    }

    [Fact]
    public async Task Backup_window_and_retention_apply_at_once_even_without_apply_immediately()
    {
        var result = await sandbox.CallAsync("ModifyDBCluster", ("DBClusterIdentifier", "aurora-alice-cluster"),
            ("PreferredBackupWindow", "05:00-05:45"), ("BackupRetentionPeriod", "7"));

        Assert.Equal(200, result.Status);
        var cluster = result.Result.Element(QueryResult.Rds + "DBCluster")!;
        Assert.Equal("05:00-05:45", cluster.Field("PreferredBackupWindow"));
        Assert.Equal("7", cluster.Field("BackupRetentionPeriod"));
        Assert.Null(cluster.Element(QueryResult.Rds + "PendingModifiedValues"));
    }

    [Theory]
    [InlineData("PreferredBackupWindow", "05:00-05:20", "The backup window must be at least 30 minutes.")]
    [InlineData("PreferredBackupWindow", "09:10-09:40", "The backup window and maintenance window must not overlap.")]
    [InlineData("PreferredBackupWindow", "5am-6am", "The parameter PreferredBackupWindow must be in the format hh24:mi-hh24:mi (UTC), not '5am-6am'.")]
    [InlineData("BackupRetentionPeriod", "0", "Invalid backup retention period: 0. The backup retention period must be between 1 and 35 days.")]
    [InlineData("BackupRetentionPeriod", "36", "Invalid backup retention period: 36. The backup retention period must be between 1 and 35 days.")]
    [InlineData("PreferredMaintenanceWindow", "sun:07:00-sun:07:30", "The backup window and maintenance window must not overlap.")]
    public async Task Invalid_modifications_are_refused_and_change_nothing(string parameter, string value, string message)
    {
        var result = await sandbox.CallAsync("ModifyDBCluster", ("DBClusterIdentifier", "aurora-alice-cluster"), (parameter, value));

        Assert.Equal(400, result.Status);
        Assert.Equal("InvalidParameterValue", result.ErrorCode);
        Assert.Equal(message, result.ErrorMessage);
        var cluster = Assert.Single((await sandbox.CallAsync("DescribeDBClusters")).Members("DBClusters", "DBCluster"));
        Assert.Equal("07:10-07:40", cluster.Field("PreferredBackupWindow"));
        Assert.Equal("1", cluster.Field("BackupRetentionPeriod"));
    }

    [Fact]
    public async Task Engine_version_waits_for_the_maintenance_window_without_apply_immediately()
    {
        var result = await sandbox.CallAsync("ModifyDBCluster", ("DBClusterIdentifier", "aurora-alice-cluster"), ("EngineVersion", "8.0.mysql_aurora.3.09.0"));
        var cluster = result.Result.Element(QueryResult.Rds + "DBCluster")!;
        Assert.Equal("8.0.mysql_aurora.3.08.0", cluster.Field("EngineVersion"));
        Assert.Equal("8.0.mysql_aurora.3.09.0", cluster.Element(QueryResult.Rds + "PendingModifiedValues")?.Field("EngineVersion"));

        // The fixture's clock is Monday 10:00; the window opens Sunday 09:00 and the upgrade takes two minutes.
        sandbox.Time.Advance(TimeSpan.FromDays(6) - TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.Equal("upgrading", await ClusterField("Status"));
        sandbox.Time.Advance(TimeSpan.FromMinutes(2));
        var upgraded = Assert.Single((await sandbox.CallAsync("DescribeDBClusters")).Members("DBClusters", "DBCluster"));
        Assert.Equal("available", upgraded.Field("Status"));
        Assert.Equal("8.0.mysql_aurora.3.09.0", upgraded.Field("EngineVersion"));
        Assert.Null(upgraded.Element(QueryResult.Rds + "PendingModifiedValues"));
    }

    [Fact]
    public async Task Engine_version_with_apply_immediately_upgrades_now()
    {
        await sandbox.CallAsync("ModifyDBCluster", ("DBClusterIdentifier", "aurora-alice-cluster"), ("EngineVersion", "8.0.mysql_aurora.3.09.0"), ("ApplyImmediately", "true"));

        Assert.Equal("upgrading", await ClusterField("Status"));
        var modifyWhileUpgrading = await sandbox.CallAsync("ModifyDBCluster", ("DBClusterIdentifier", "aurora-alice-cluster"), ("BackupRetentionPeriod", "3"));
        Assert.Equal("InvalidDBClusterStateFault", modifyWhileUpgrading.ErrorCode);
        sandbox.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("8.0.mysql_aurora.3.09.0", await ClusterField("EngineVersion"));
    }

    [Fact]
    public async Task Created_cluster_is_creating_until_provisioned_and_names_are_lower_cased()
    {
        var created = await sandbox.CallAsync("CreateDBCluster", ("DBClusterIdentifier", "My-Cluster"), ("Engine", "aurora-postgresql"));
        Assert.Equal(200, created.Status);
        Assert.Equal("my-cluster", created.Result.Element(QueryResult.Rds + "DBCluster")!.Field("DBClusterIdentifier"));
        Assert.Equal("creating", created.Result.Element(QueryResult.Rds + "DBCluster")!.Field("Status"));

        var snapshotTooEarly = await sandbox.CallAsync("CreateDBClusterSnapshot", ("DBClusterIdentifier", "my-cluster"), ("DBClusterSnapshotIdentifier", "early"));
        Assert.Equal(400, snapshotTooEarly.Status);
        Assert.Equal("InvalidDBClusterStateFault", snapshotTooEarly.ErrorCode);

        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        var described = Assert.Single((await sandbox.CallAsync("DescribeDBClusters", ("DBClusterIdentifier", "MY-CLUSTER"))).Members("DBClusters", "DBCluster"));
        Assert.Equal("available", described.Field("Status"));
        Assert.Equal("5432", described.Field("Port"));

        var duplicate = await sandbox.CallAsync("CreateDBCluster", ("DBClusterIdentifier", "my-cluster"), ("Engine", "aurora-postgresql"));
        Assert.Equal("DBClusterAlreadyExistsFault", duplicate.ErrorCode);
    }

    [Theory]
    [InlineData("1cluster")]
    [InlineData("my--cluster")]
    [InlineData("my-cluster-")]
    [InlineData("my_cluster")]
    public async Task Identifiers_follow_rds_rules(string identifier)
    {
        var result = await sandbox.CallAsync("CreateDBCluster", ("DBClusterIdentifier", identifier), ("Engine", "aurora-mysql"));

        Assert.Equal(400, result.Status);
        Assert.Equal("InvalidParameterValue", result.ErrorCode);
        Assert.StartsWith("The parameter DBClusterIdentifier is not a valid identifier.", result.ErrorMessage);
    }

    [Fact]
    public async Task Instances_are_described_with_their_cluster_and_instance_status_field()
    {
        var result = await sandbox.CallAsync("DescribeDBInstances", ("Filters.Filter.1.Name", "db-cluster-id"), ("Filters.Filter.1.Values.Value.1", "aurora-alice-cluster"));

        var instance = Assert.Single(result.Members("DBInstances", "DBInstance"));
        Assert.Equal("aurora-alice-instance-1", instance.Field("DBInstanceIdentifier"));
        Assert.Equal("available", instance.Field("DBInstanceStatus"));
        Assert.Null(instance.Field("Status"));
        Assert.Equal("aurora-alice-cluster", instance.Field("DBClusterIdentifier"));
        Assert.Equal("db.r6g.large", instance.Field("DBInstanceClass"));

        var missing = await sandbox.CallAsync("DescribeDBInstances", ("DBInstanceIdentifier", "ghost"));
        Assert.Equal(404, missing.Status);
        Assert.Equal("DBInstanceNotFound", missing.ErrorCode);
    }

    [Fact]
    public async Task Deleting_a_cluster_needs_its_instances_gone_and_a_final_snapshot_decision()
    {
        var withMembers = await sandbox.CallAsync("DeleteDBCluster", ("DBClusterIdentifier", "aurora-alice-cluster"), ("SkipFinalSnapshot", "true"));
        Assert.Equal("InvalidDBClusterStateFault", withMembers.ErrorCode);

        Assert.Equal(200, (await sandbox.CallAsync("DeleteDBInstance", ("DBInstanceIdentifier", "aurora-alice-instance-1"))).Status);
        var noDecision = await sandbox.CallAsync("DeleteDBCluster", ("DBClusterIdentifier", "aurora-alice-cluster"));
        Assert.Equal("InvalidParameterCombination", noDecision.ErrorCode);

        var deleted = await sandbox.CallAsync("DeleteDBCluster", ("DBClusterIdentifier", "aurora-alice-cluster"), ("FinalDBSnapshotIdentifier", "alice-final"));
        Assert.Equal("deleting", deleted.Result.Element(QueryResult.Rds + "DBCluster")!.Field("Status"));
        Assert.Equal("DBClusterNotFoundFault", (await sandbox.CallAsync("DescribeDBClusters", ("DBClusterIdentifier", "aurora-alice-cluster"))).ErrorCode);
        var remaining = (await sandbox.CallAsync("DescribeDBClusterSnapshots")).Members("DBClusterSnapshots", "DBClusterSnapshot");
        Assert.Equal(["alice-final"], remaining.Select(snapshot => snapshot.Field("DBClusterSnapshotIdentifier")));
    }

    private async Task<string?> ClusterField(string name) =>
        Assert.Single((await sandbox.CallAsync("DescribeDBClusters")).Members("DBClusters", "DBCluster")).Field(name);
}
