using LabRunner.Content.Templates;
using LabRunner.Sandbox.Seeding;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Sandbox;

public sealed class SeedingTests : IAsyncLifetime
{
    private static readonly PlaceholderValues Alice = new([
        new("yourname", "alice"), new("cluster", "aurora-alice-cluster"), new("writer", "aurora-alice-instance-1")]);

    private static readonly LabRunner.Content.Model.KindSpec AuroraFixture = Fixtures.DbCluster(
        ("cluster", "{cluster}"), ("writer-instance", "aurora-{yourname}-instance-1"), ("engine", "aurora-mysql"),
        ("engine-version", "8.0.mysql_aurora.3.05.2"), ("instance-class", "db.t4g.medium"),
        ("backup-window", "07:10-07:40"), ("maintenance-window", "sun:09:00-sun:09:30"), ("retention", "1"));

    private SandboxFixture sandbox = null!;

    public async Task InitializeAsync() => sandbox = await SandboxFixture.StartAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task A_fixture_is_rendered_with_the_learners_values()
    {
        var result = sandbox.Host.Seed(Fixtures.Bound([AuroraFixture], Alice));

        Assert.Equal(["aurora-alice-cluster", "aurora-alice-instance-1"], result.Created);
        var cluster = Assert.Single((await sandbox.CallAsync("DescribeDBClusters")).Members("DBClusters", "DBCluster"));
        Assert.Equal(("available", "8.0.mysql_aurora.3.05.2"), (cluster.Field("Status"), cluster.Field("EngineVersion")));
        var instance = Assert.Single((await sandbox.CallAsync("DescribeDBInstances")).Members("DBInstances", "DBInstance"));
        Assert.Equal(("db.t4g.medium", "available"), (instance.Field("DBInstanceClass"), instance.Field("DBInstanceStatus")));
        var automated = Assert.Single((await sandbox.CallAsync("DescribeDBClusterSnapshots", ("SnapshotType", "automated"))).Members("DBClusterSnapshots", "DBClusterSnapshot"));
        Assert.Equal("available", automated.Field("Status"));
    }

    [Fact]
    public async Task Seeding_again_keeps_what_the_learner_changed()
    {
        sandbox.Host.Seed(Fixtures.Bound([AuroraFixture], Alice));
        await sandbox.CallAsync("ModifyDBCluster", ("DBClusterIdentifier", "aurora-alice-cluster"), ("PreferredBackupWindow", "05:00-05:45"));

        var again = sandbox.Host.Seed(Fixtures.Bound([AuroraFixture], Alice));

        Assert.Empty(again.Created);
        Assert.Equal(["aurora-alice-cluster", "aurora-alice-instance-1"], again.Kept);
        var cluster = Assert.Single((await sandbox.CallAsync("DescribeDBClusters")).Members("DBClusters", "DBCluster"));
        Assert.Equal("05:00-05:45", cluster.Field("PreferredBackupWindow"));
    }

    [Fact]
    public void Many_learners_get_their_own_fixtures()
    {
        foreach (var name in new[] { "alice", "bob", "carol" })
            sandbox.Host.Seed(Fixtures.Bound([AuroraFixture], new PlaceholderValues([new("yourname", name), new("cluster", $"aurora-{name}-cluster")])));

        var clusters = sandbox.Host.State.Read(resources => resources.Clusters.Keys.ToList());
        Assert.Equal(["aurora-alice-cluster", "aurora-bob-cluster", "aurora-carol-cluster"], clusters);
    }

    [Theory]
    [InlineData("backup-window", "09:10-09:40", "lab.yaml:9:5: The backup window and maintenance window must not overlap.")]
    [InlineData("instance-class", "r6g.large", "lab.yaml:9:5: Invalid DB Instance class: r6g.large")]
    public void A_fixture_RDS_would_refuse_is_located_and_creates_nothing(string parameter, string value, string message)
    {
        var wrong = Fixtures.DbCluster(("cluster", "{cluster}"), ("writer-instance", "{writer}"), (parameter, value));
        var exception = Assert.Throws<FixtureException>(() => sandbox.Host.Seed(Fixtures.Bound([AuroraFixture, wrong], Alice)));

        Assert.StartsWith(message, exception.Message);
        Assert.Equal(0, sandbox.Host.State.Read(resources => resources.Clusters.Count));
    }

    [Fact]
    public void An_unknown_fixture_kind_is_located()
    {
        var exception = Assert.Throws<FixtureException>(() => sandbox.Host.Seed([new SeedSpec("s3-bucket", new Dictionary<string, string> { ["bucket"] = "b" }, "lab.yaml:9:5")]));

        Assert.Equal("lab.yaml:9:5: unknown fixture kind 's3-bucket'; the sandbox seeds 'db-cluster'", exception.Message);
    }
}
