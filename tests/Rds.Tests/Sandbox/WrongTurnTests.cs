using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Sandbox;

/// <summary>The mistakes a learner makes on an Aurora instance, answered over real HTTP with RDS's codes and messages.</summary>
public sealed class WrongTurnTests : IAsyncLifetime
{
    private SandboxFixture sandbox = null!;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync();
        sandbox.SeedCluster("aurora-alice-cluster");
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task A_DB_instance_snapshot_of_an_Aurora_instance_points_to_the_cluster_snapshot()
    {
        var refused = await sandbox.CallAsync("CreateDBSnapshot", ("DBInstanceIdentifier", "aurora-alice-cluster-instance-1"), ("DBSnapshotIdentifier", "alice-snap"));

        Assert.Equal((400, "InvalidParameterValue"), (refused.Status, refused.ErrorCode));
        Assert.Equal("The specified instance is a member of a cluster and a snapshot cannot be created directly. Please use the CreateDBClusterSnapshot API instead.", refused.ErrorMessage);
    }

    [Theory]
    [InlineData("PreferredBackupWindow", "05:00-05:45", "backup window")]
    [InlineData("BackupRetentionPeriod", "7", "backup retention")]
    public async Task Backup_settings_on_an_Aurora_instance_point_to_the_cluster(string parameter, string value, string setting)
    {
        var refused = await sandbox.CallAsync("ModifyDBInstance", ("DBInstanceIdentifier", "aurora-alice-cluster-instance-1"), (parameter, value), ("ApplyImmediately", "true"));

        Assert.Equal((400, "InvalidParameterCombination"), (refused.Status, refused.ErrorCode));
        Assert.Equal($"The specified DB Instance is a member of a cluster. Modify {setting} for the DB Cluster using the ModifyDbCluster API", refused.ErrorMessage);
        var cluster = await sandbox.CallAsync("DescribeDBClusters", ("DBClusterIdentifier", "aurora-alice-cluster"));
        Assert.Contains("<PreferredBackupWindow>07:10-07:40</PreferredBackupWindow>", cluster.Body);
    }

    [Theory]
    [InlineData("CreateDBSnapshot")]
    [InlineData("ModifyDBInstance")]
    public async Task An_unknown_instance_is_not_found(string action)
    {
        var missing = await sandbox.CallAsync(action, ("DBInstanceIdentifier", "ghost"), ("DBSnapshotIdentifier", "s"), ("PreferredBackupWindow", "05:00-05:45"));

        Assert.Equal((404, "DBInstanceNotFound"), (missing.Status, missing.ErrorCode));
    }

    [Fact]
    public async Task What_the_sandbox_does_not_emulate_says_so()
    {
        var other = await sandbox.CallAsync("ModifyDBInstance", ("DBInstanceIdentifier", "aurora-alice-cluster-instance-1"), ("DBInstanceClass", "db.r6g.xlarge"));

        Assert.Equal((400, "InvalidAction"), (other.Status, other.ErrorCode));
        Assert.Contains("does not emulate ModifyDBInstance", other.ErrorMessage);
    }
}
