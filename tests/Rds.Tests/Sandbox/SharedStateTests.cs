using LabRunner.Sandbox.State;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Sandbox;

/// <summary>
/// Two sandboxes on one state file, as two LabRunner processes on one data folder have: each sees the other's changes
/// and none undoes them, whatever the interleaving.
/// </summary>
public sealed class SharedStateTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("labrunner-shared-").FullName;

    private string StatePath => Path.Combine(directory, "state.json");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private Task<SandboxFixture> StartAsync() => SandboxFixture.StartAsync(options => options with { StateFile = StatePath });

    [Fact]
    public async Task Interleaved_writes_of_two_sandboxes_on_one_file_all_survive_and_each_sees_the_others()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync();
        first.SeedCluster("aurora-alice-cluster");
        second.SeedCluster("aurora-bob-cluster");

        for (var round = 1; round <= 3; round++)
        {
            await Created(first, $"alice-snap{round}", "aurora-alice-cluster");
            await Created(second, $"bob-snap{round}", "aurora-bob-cluster");
        }
        await second.CallAsync("ModifyDBCluster", ("DBClusterIdentifier", "aurora-alice-cluster"), ("PreferredBackupWindow", "05:00-05:45"));

        foreach (var sandbox in new[] { first, second })
        {
            var snapshots = (await sandbox.CallAsync("DescribeDBClusterSnapshots", ("SnapshotType", "manual"))).Members("DBClusterSnapshots", "DBClusterSnapshot");
            Assert.Equal(["alice-snap1", "alice-snap2", "alice-snap3", "bob-snap1", "bob-snap2", "bob-snap3"], snapshots.Select(snapshot => snapshot.Field("DBClusterSnapshotIdentifier")));
            var alice = Assert.Single((await sandbox.CallAsync("DescribeDBClusters", ("DBClusterIdentifier", "aurora-alice-cluster"))).Members("DBClusters", "DBCluster"));
            Assert.Equal("05:00-05:45", alice.Field("PreferredBackupWindow"));
        }
    }

    private static async Task Created(SandboxFixture sandbox, string snapshot, string cluster)
    {
        var response = await sandbox.CallAsync("CreateDBClusterSnapshot", ("DBClusterSnapshotIdentifier", snapshot), ("DBClusterIdentifier", cluster));
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task Parallel_writes_of_two_sandboxes_on_one_file_are_all_saved()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync();
        first.SeedCluster("aurora-alice-cluster");

        var created = await Task.WhenAll(Enumerable.Range(1, 40).Select(index =>
            (index % 2 == 0 ? first : second).CallAsync("CreateDBClusterSnapshot", ("DBClusterSnapshotIdentifier", $"snap-{index}"), ("DBClusterIdentifier", "aurora-alice-cluster"))));

        Assert.All(created, response => Assert.Equal(200, response.Status));
        var saved = new StateFile(StatePath).LoadIfChanged(null)!;
        Assert.Equal(40, saved.Accounts.Default.Snapshots.Values.Count(snapshot => snapshot.SnapshotType == SnapshotTypes.Manual));
        Assert.True(saved.Stamp.Generation >= 41, $"generation {saved.Stamp.Generation}");
    }

    [Fact]
    public async Task A_failed_action_changes_nothing_on_disk()
    {
        await using var sandbox = await StartAsync();
        sandbox.SeedCluster("aurora-alice-cluster");
        var before = await File.ReadAllTextAsync(StatePath);

        var refused = await sandbox.CallAsync("CreateDBClusterSnapshot", ("DBClusterSnapshotIdentifier", "snap-1"), ("DBClusterIdentifier", "aurora-nobody-cluster"));

        Assert.Equal("DBClusterNotFoundFault", refused.ErrorCode);
        Assert.Equal(before, await File.ReadAllTextAsync(StatePath));
    }

    [Fact]
    public async Task A_state_file_without_a_generation_is_read_and_gets_one_with_its_identity_at_start()
    {
        await File.WriteAllTextAsync(StatePath, "{\"formatVersion\": 1, \"clusters\": [], \"instances\": [], \"snapshots\": []}");
        await using var sandbox = await StartAsync();

        var saved = await File.ReadAllTextAsync(StatePath);
        Assert.StartsWith("{\"generation\":1,\"formatVersion\":1,", saved);
        Assert.Contains($"\"sandboxId\":\"{sandbox.Host.Identity}\"", saved);
        sandbox.SeedCluster("aurora-alice-cluster");
        Assert.StartsWith("{\"generation\":2,", await File.ReadAllTextAsync(StatePath));
    }

    [Fact]
    public async Task Temporary_files_of_killed_writers_are_removed_once_stale_and_only_then()
    {
        var stale = Path.Combine(directory, ".state.json.0123456789abcdef.tmp");
        var recent = Path.Combine(directory, ".state.json.fedcba9876543210.tmp");
        var unrelated = Path.Combine(directory, ".other.json.0123456789abcdef.tmp");
        foreach (var file in new[] { stale, recent, unrelated })
            await File.WriteAllTextAsync(file, "{\"generation\":");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddMinutes(-2));
        File.SetLastWriteTimeUtc(unrelated, DateTime.UtcNow.AddMinutes(-2));
        await using var sandbox = await StartAsync();

        sandbox.SeedCluster("aurora-alice-cluster");

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(unrelated));
    }
}
