using LabRunner.Sandbox;
using LabRunner.Sandbox.State;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Sandbox;

public sealed class PersistenceTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("labrunner-sandbox-").FullName;

    private string StatePath => Path.Combine(directory, "state.json");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task State_survives_a_restart()
    {
        await using (var first = await SandboxFixture.StartAsync(options => options with { StateFile = StatePath }))
        {
            first.SeedCluster("aurora-alice-cluster");
            await first.CallAsync("ModifyDBCluster", ("DBClusterIdentifier", "aurora-alice-cluster"), ("PreferredBackupWindow", "05:00-05:45"));
            await first.CallAsync("CreateDBClusterSnapshot", ("DBClusterSnapshotIdentifier", "alice-snap1"), ("DBClusterIdentifier", "aurora-alice-cluster"));
        }

        await using var second = await SandboxFixture.StartAsync(options => options with { StateFile = StatePath });
        var cluster = Assert.Single((await second.CallAsync("DescribeDBClusters")).Members("DBClusters", "DBCluster"));
        Assert.Equal("05:00-05:45", cluster.Field("PreferredBackupWindow"));
        Assert.Equal("aurora-alice-cluster-instance-1", cluster.Element(QueryResult.Rds + "DBClusterMembers")!.Elements().Single().Field("DBInstanceIdentifier"));
        var snapshot = Assert.Single((await second.CallAsync("DescribeDBClusterSnapshots", ("DBClusterSnapshotIdentifier", "alice-snap1"))).Members("DBClusterSnapshots", "DBClusterSnapshot"));
        Assert.Equal("creating", snapshot.Field("Status"));
        Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
    }

    [Fact]
    public async Task Identity_and_tags_survive_a_restart_on_another_port()
    {
        string identity;
        await using (var first = await SandboxFixture.StartAsync(options => options with { StateFile = StatePath }))
        {
            first.SeedCluster("aurora-alice-cluster");
            await first.CallAsync("AddTagsToResource", ("ResourceName", "arn:aws:rds:us-east-1:000000000000:cluster:aurora-alice-cluster"), ("Tags.Tag.1.Key", "labrunner:ack:snapshot-actions"), ("Tags.Tag.1.Value", "2025-03-03T10:00:00Z"));
            identity = first.Host.Identity;
        }

        await using var second = await SandboxFixture.StartAsync(options => options with { StateFile = StatePath });
        var tag = Assert.Single((await second.CallAsync("DescribeDBClusters")).Members("DBClusters", "DBCluster")[0].Element(QueryResult.Rds + "TagList")!.Elements());
        Assert.Equal(("labrunner:ack:snapshot-actions", "2025-03-03T10:00:00Z"), (tag.Field("Key"), tag.Field("Value")));
        Assert.Equal(identity, second.Host.Identity);
    }

    [Fact]
    public async Task Sandboxes_on_different_state_files_are_different_sandboxes()
    {
        await using var first = await SandboxFixture.StartAsync(options => options with { StateFile = StatePath });
        await using var second = await SandboxFixture.StartAsync(options => options with { StateFile = Path.Combine(directory, "other.json") });
        await using var inMemory = await SandboxFixture.StartAsync();

        Assert.Equal(3, new[] { first.Host.Identity, second.Host.Identity, inMemory.Host.Identity }.Distinct().Count());
    }

    [Theory]
    [InlineData("{\"formatVersion\": 1, \"clusters\": [", "not valid sandbox state at line 1")]
    [InlineData("{\"formatVersion\": 1,\n \"clusters\": [{\"id\": 5}], \"instances\": [], \"snapshots\": []}", "not valid sandbox state at line 2")]
    [InlineData("{\"formatVersion\": 9, \"clusters\": [], \"instances\": [], \"snapshots\": []}", "format version 9")]
    [InlineData("null", "holds null")]
    public async Task A_corrupt_state_file_is_reported_with_its_name_and_kept(string content, string problem)
    {
        await File.WriteAllTextAsync(StatePath, content);

        var exception = await Assert.ThrowsAsync<SandboxStateException>(() => SandboxHost.StartAsync(new SandboxOptions { StateFile = StatePath }));

        Assert.Contains(StatePath, exception.Message);
        Assert.Contains(problem, exception.Message);
        Assert.Equal(content, await File.ReadAllTextAsync(StatePath));
    }
}
