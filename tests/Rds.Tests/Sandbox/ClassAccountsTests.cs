using System.Net;
using Amazon.Runtime;
using LabRunner.Content.Templates;
using LabRunner.Rds.Protocol;
using LabRunner.Sandbox;
using LabRunner.Sandbox.Accounts;
using LabRunner.Sandbox.Operations;
using LabRunner.Sandbox.Rules;
using LabRunner.Sandbox.Seeding;
using LabRunner.Sandbox.State;
using LabRunner.TestSupport.Network;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Sandbox;

/// <summary>
/// A class sandbox: learners added by the instructor's key, joined with their codes, then each learner signing with
/// their own key (LabRunner's client, AWSSDK.Core's SigV4) against the other's resources, and the instructor against
/// everything.
/// </summary>
public sealed class ClassAccountsTests : IAsyncLifetime
{
    private const int Quota = 3;
    private SandboxFixture sandbox = null!;
    private RdsQueryClient instructor = null!;
    private RdsQueryClient alice = null!;
    private RdsQueryClient bob = null!;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync(options => options with { ClassName = "Test class", LearnerFixtures = FixturesOf, ManualSnapshotQuota = Quota });
        var roster = sandbox.Host.Class!;
        instructor = await ClientAsync(roster.Instructor.AccessKeyId, roster.Instructor.SecretAccessKey);
        var invitations = await instructor.AddLearnersAsync(["alice", "bob"]);
        alice = await JoinAsync(invitations[0].JoinCode);
        bob = await JoinAsync(invitations[1].JoinCode);
        await CallAsync(bob, new RequestForm("CreateDBClusterSnapshot").Add("DBClusterSnapshotIdentifier", "aurora-bob-snap").Add("DBClusterIdentifier", "aurora-bob-cluster"));
        sandbox.Time.Advance(TimeSpan.FromMinutes(5));
    }

    public async Task DisposeAsync()
    {
        foreach (var client in new[] { instructor, alice, bob })
            client?.Dispose();
        await sandbox.DisposeAsync();
    }

    /// <summary>Every action the sandbox answers, aimed at bob's cluster, writer and snapshot.</summary>
    private static readonly Dictionary<string, RequestForm> AtBob = new(StringComparer.Ordinal)
    {
        ["DescribeDBClusters"] = new RequestForm("DescribeDBClusters").Add("DBClusterIdentifier", "aurora-bob-cluster"),
        ["CreateDBCluster"] = new RequestForm("CreateDBCluster").Add("DBClusterIdentifier", "aurora-bob-cluster").Add("Engine", "aurora-mysql"),
        ["ModifyDBCluster"] = new RequestForm("ModifyDBCluster").Add("DBClusterIdentifier", "aurora-bob-cluster").Add("PreferredBackupWindow", "01:00-01:30").Add("ApplyImmediately", "true"),
        ["DeleteDBCluster"] = new RequestForm("DeleteDBCluster").Add("DBClusterIdentifier", "aurora-bob-cluster").Add("SkipFinalSnapshot", "true"),
        ["DescribeDBInstances"] = new RequestForm("DescribeDBInstances").Add("DBInstanceIdentifier", "aurora-bob-instance-1"),
        ["CreateDBInstance"] = new RequestForm("CreateDBInstance").Add("DBInstanceIdentifier", "aurora-intruder-2").Add("DBClusterIdentifier", "aurora-bob-cluster").Add("DBInstanceClass", "db.r6g.large").Add("Engine", "aurora-mysql"),
        ["DeleteDBInstance"] = new RequestForm("DeleteDBInstance").Add("DBInstanceIdentifier", "aurora-bob-instance-1").Add("SkipFinalSnapshot", "true"),
        ["DescribeDBClusterSnapshots"] = new RequestForm("DescribeDBClusterSnapshots").Add("DBClusterSnapshotIdentifier", "aurora-bob-snap"),
        ["CreateDBClusterSnapshot"] = new RequestForm("CreateDBClusterSnapshot").Add("DBClusterSnapshotIdentifier", "aurora-intruder-snap").Add("DBClusterIdentifier", "aurora-bob-cluster"),
        ["DeleteDBClusterSnapshot"] = new RequestForm("DeleteDBClusterSnapshot").Add("DBClusterSnapshotIdentifier", "aurora-bob-snap"),
        ["CopyDBClusterSnapshot"] = new RequestForm("CopyDBClusterSnapshot").Add("SourceDBClusterSnapshotIdentifier", "aurora-bob-snap").Add("TargetDBClusterSnapshotIdentifier", "aurora-stolen-snap"),
        ["ModifyDBClusterSnapshotAttribute"] = new RequestForm("ModifyDBClusterSnapshotAttribute").Add("DBClusterSnapshotIdentifier", "aurora-bob-snap").Add("AttributeName", "restore").Add("ValuesToAdd.AttributeValue.1", "all"),
        ["DescribeDBClusterSnapshotAttributes"] = new RequestForm("DescribeDBClusterSnapshotAttributes").Add("DBClusterSnapshotIdentifier", "aurora-bob-snap"),
        ["RestoreDBClusterFromSnapshot"] = new RequestForm("RestoreDBClusterFromSnapshot").Add("DBClusterIdentifier", "aurora-intruder-restored").Add("SnapshotIdentifier", "aurora-bob-snap").Add("Engine", "aurora-mysql"),
        ["CreateDBSnapshot"] = new RequestForm("CreateDBSnapshot").Add("DBSnapshotIdentifier", "aurora-intruder-db-snap").Add("DBInstanceIdentifier", "aurora-bob-instance-1"),
        ["ModifyDBInstance"] = new RequestForm("ModifyDBInstance").Add("DBInstanceIdentifier", "aurora-bob-instance-1").Add("PreferredBackupWindow", "01:00-01:30"),
        ["LabRunnerAddLearners"] = new RequestForm("LabRunnerAddLearners").Add("Learners.member.1", "mallory"),
        ["AddTagsToResource"] = new RequestForm("AddTagsToResource").Add("ResourceName", BobsClusterArn).Add("Tags.Tag.1.Key", "labrunner:ack:snapshot-actions").Add("Tags.Tag.1.Value", "forged"),
        ["RemoveTagsFromResource"] = new RequestForm("RemoveTagsFromResource").Add("ResourceName", BobsClusterArn).Add("TagKeys.member.1", "owner"),
        ["ListTagsForResource"] = new RequestForm("ListTagsForResource").Add("ResourceName", BobsClusterArn),
    };

    private const string BobsClusterArn = "arn:aws:rds:us-east-1:000000000000:cluster:aurora-bob-cluster";

    [Fact]
    public void The_attacks_cover_every_action_the_sandbox_answers_but_joining()
    {
        var services = new SandboxServices(new SandboxState(null), new SandboxOptions(), new Naming("us-east-1", "000000000000"), new Provisioning(new SandboxOptions()));
        var actions = new ActionDispatcher(services, new FixtureSeeder(services)).Actions.Where(action => action != ClassActions.JoinAction);

        Assert.Equal(actions.Order(StringComparer.Ordinal), AtBob.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_learner_sees_and_changes_nothing_of_another_learners()
    {
        var before = BobsAccount();

        foreach (var (action, form) in AtBob)
        {
            var refusal = await Assert.ThrowsAsync<RdsException>(() => CallAsync(alice, form));
            Assert.True(refusal.ErrorCode is "DBClusterNotFoundFault" or "DBInstanceNotFound" or "DBClusterSnapshotNotFoundFault" or "DBClusterAlreadyExistsFault" or "AccessDenied",
                $"{action}: {refusal.ErrorCode} {refusal.Message}");
        }
        var clusters = await CallAsync(alice, new RequestForm("DescribeDBClusters"));
        var snapshots = await CallAsync(alice, new RequestForm("DescribeDBClusterSnapshots").Add("DBClusterIdentifier", "aurora-bob-cluster"));
        var instances = await CallAsync(alice, new RequestForm("DescribeDBInstances"));

        Assert.Equal(["aurora-alice-cluster"], Identifiers(clusters, "DBClusterIdentifier"));
        Assert.Empty(Identifiers(snapshots, "DBClusterSnapshotIdentifier"));
        Assert.Equal(["aurora-alice-instance-1"], Identifiers(instances, "DBInstanceIdentifier"));
        Assert.Equal(before, BobsAccount());
    }

    [Fact]
    public async Task The_instructor_reads_every_account_and_every_write_is_refused_as_iam_refuses_it()
    {
        var before = BobsAccount();

        // Adding learners is the instructor's one write, and changes no learner's resources.
        foreach (var (action, form) in AtBob.Where(pair => !ActionDispatcher.IsReadOnly(pair.Key) && ClassActions.OnlyFor(pair.Key) is null))
        {
            var refusal = await Assert.ThrowsAsync<RdsException>(() => CallAsync(instructor, form));
            Assert.Equal((403, "AccessDenied"), (refusal.StatusCode, refusal.ErrorCode));
            Assert.Contains($"User: arn:aws:iam::000000000000:user/labrunner-instructor is not authorized to perform: rds:{action} on resource: arn:aws:rds:us-east-1:000000000000:", refusal.Message, StringComparison.Ordinal);
        }
        var clusters = await CallAsync(instructor, new RequestForm("DescribeDBClusters"));

        Assert.Equal(["aurora-alice-cluster", "aurora-bob-cluster"], Identifiers(clusters, "DBClusterIdentifier"));
        Assert.Equal(before, BobsAccount());
    }

    [Fact]
    public async Task A_learner_restores_their_own_snapshot_into_their_own_account()
    {
        await CallAsync(alice, new RequestForm("CreateDBClusterSnapshot").Add("DBClusterSnapshotIdentifier", "aurora-alice-snap").Add("DBClusterIdentifier", "aurora-alice-cluster"));
        sandbox.Time.Advance(TimeSpan.FromMinutes(5));

        await CallAsync(alice, new RequestForm("RestoreDBClusterFromSnapshot").Add("DBClusterIdentifier", "aurora-alice-restored").Add("SnapshotIdentifier", "aurora-alice-snap").Add("Engine", "aurora-mysql"));

        Assert.Equal(["aurora-alice-cluster", "aurora-alice-restored"], Identifiers(await CallAsync(alice, new RequestForm("DescribeDBClusters")), "DBClusterIdentifier"));
        Assert.Equal(["aurora-bob-cluster"], Identifiers(await CallAsync(bob, new RequestForm("DescribeDBClusters")), "DBClusterIdentifier"));
    }

    [Fact]
    public async Task The_manual_snapshot_quota_counts_per_learner()
    {
        for (var index = 1; index <= Quota; index++)
            await CallAsync(alice, new RequestForm("CreateDBClusterSnapshot").Add("DBClusterSnapshotIdentifier", $"aurora-alice-snap{index}").Add("DBClusterIdentifier", "aurora-alice-cluster"));

        var refusal = await Assert.ThrowsAsync<RdsException>(() => CallAsync(alice, new RequestForm("CreateDBClusterSnapshot").Add("DBClusterSnapshotIdentifier", "aurora-alice-one-more").Add("DBClusterIdentifier", "aurora-alice-cluster")));
        await CallAsync(bob, new RequestForm("CreateDBClusterSnapshot").Add("DBClusterSnapshotIdentifier", "aurora-bob-snap2").Add("DBClusterIdentifier", "aurora-bob-cluster"));

        Assert.Equal("SnapshotQuotaExceeded", refusal.ErrorCode);
    }

    [Fact]
    public async Task A_key_the_class_never_issued_is_refused()
    {
        using var stranger = await ClientAsync("LRKLNOTAKEYOFTHISCLS", "made-up-secret-made-up-secret-made-up-se");

        var refusal = await Assert.ThrowsAsync<RdsException>(() => CallAsync(stranger, new RequestForm("DescribeDBClusters")));

        Assert.Equal((403, "InvalidClientTokenId"), (refusal.StatusCode, refusal.ErrorCode));
    }

    [Fact]
    public async Task A_join_code_joins_once_until_it_expires_and_never_with_a_skewed_clock()
    {
        var invitations = await instructor.AddLearnersAsync(["carol", "dave", "erin"]);
        using var joining = await ClientAsync("labrunner-join", "unsigned");

        var skewed = await Assert.ThrowsAsync<RdsException>(() => joining.JoinAsync(invitations[0].JoinCode, sandbox.Time.GetUtcNow() + TimeSpan.FromMinutes(16)));
        var joined = await joining.JoinAsync(invitations[0].JoinCode.ToLowerInvariant(), sandbox.Time.GetUtcNow());
        var again = await Assert.ThrowsAsync<RdsException>(() => joining.JoinAsync(invitations[0].JoinCode, sandbox.Time.GetUtcNow()));
        var unknown = await Assert.ThrowsAsync<RdsException>(() => joining.JoinAsync("AAAA-BBBB-CCCC", sandbox.Time.GetUtcNow()));
        var taken = await Assert.ThrowsAsync<RdsException>(() => instructor.AddLearnersAsync(["frank", "dave"]));
        sandbox.Time.Advance(TimeSpan.FromHours(25));
        var expired = await Assert.ThrowsAsync<RdsException>(() => joining.JoinAsync(invitations[2].JoinCode, sandbox.Time.GetUtcNow()));

        Assert.Equal("RequestTimeTooSkewed", skewed.ErrorCode);
        Assert.Equal(("Test class", "carol", "us-east-1"), (joined.ClassName, joined.Learner, joined.Region));
        Assert.Equal("JoinCodeUsed", again.ErrorCode);
        Assert.Equal("JoinCodeNotFound", unknown.ErrorCode);
        Assert.Equal("LearnerAlreadyExists", taken.ErrorCode);
        Assert.Equal("JoinCodeExpired", expired.ErrorCode);
        Assert.DoesNotContain(sandbox.Host.Class!.Learners, learner => learner.Name == "frank");
    }

    [Fact]
    public async Task A_learner_may_not_add_learners()
    {
        var refusal = await Assert.ThrowsAsync<RdsException>(() => alice.AddLearnersAsync(["mallory"]));

        Assert.Equal((403, "AccessDenied"), (refusal.StatusCode, refusal.ErrorCode));
    }

    [LanFact]
    public async Task A_class_sandbox_on_the_lan_refuses_unsigned_requests_but_a_join()
    {
        await using var lan = await SandboxFixture.StartAsync(options => options with { BindAddress = LanAddress.Value!, ClassName = "LAN class" });
        using var http = new HttpClient();

        using var describe = await http.PostAsync(lan.Uri, new FormUrlEncodedContent([new("Action", "DescribeDBClusters"), new("Version", "2014-10-31")]));
        using var join = await http.PostAsync(lan.Uri, new FormUrlEncodedContent([new("Action", "LabRunnerJoin"), new("Version", "2014-10-31"), new("JoinCode", "AAAA-BBBB-CCCC"), new("ClientTime", lan.Time.GetUtcNow().ToString("O"))]));

        Assert.Equal((HttpStatusCode.Forbidden, "MissingAuthenticationToken"), (describe.StatusCode, (await QueryResult.ReadAsync(describe)).ErrorCode));
        Assert.Equal((HttpStatusCode.NotFound, "JoinCodeNotFound"), (join.StatusCode, (await QueryResult.ReadAsync(join)).ErrorCode));
    }

    private static IReadOnlyList<SeedSpec> FixturesOf(string name) =>
        Fixtures.Bound([Fixtures.DbCluster(("cluster", $"aurora-{name}-cluster"), ("writer-instance", $"aurora-{name}-instance-1"))], new PlaceholderValues([]));

    private async Task<RdsQueryClient> JoinAsync(string code)
    {
        using var joining = await ClientAsync("labrunner-join", "unsigned");
        var joined = await joining.JoinAsync(code, sandbox.Time.GetUtcNow());
        return await ClientAsync(joined.AccessKeyId, joined.SecretAccessKey);
    }

    private Task<RdsQueryClient> ClientAsync(string accessKeyId, string secret) =>
        RdsClientFactory.CreateAsync(new RdsClientOptions
        {
            Endpoint = sandbox.Uri,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials(accessKeyId, secret),
            TimeProvider = sandbox.Time,
            MaxAttempts = 1,
        });

    private static Task<System.Xml.Linq.XElement> CallAsync(RdsQueryClient client, RequestForm form) => client.CallAsync(form, result => result, CancellationToken.None);

    private static List<string> Identifiers(System.Xml.Linq.XElement result, string field) =>
        [.. result.Descendants(result.Name.Namespace + field).Select(element => element.Value).Order(StringComparer.Ordinal)];

    /// <summary>Bob's resources as stored, compared record by record (a changed record is a new instance).</summary>
    private string BobsAccount() => sandbox.Host.State.Read(Caller.OfLearner("bob"), resources => string.Join("\n",
        resources.Clusters.Values.Select(cluster => cluster.ToString())
            .Concat(resources.Instances.Values.Select(instance => instance.ToString()))
            .Concat(resources.Snapshots.Values.Select(snapshot => $"{snapshot} shared with {string.Join(",", snapshot.SharedWith)}"))));
}
