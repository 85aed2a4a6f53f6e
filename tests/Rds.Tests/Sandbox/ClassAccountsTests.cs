using System.Net;
using LabRunner.Content.Templates;
using LabRunner.Rds.Protocol;
using LabRunner.Sandbox;
using LabRunner.Sandbox.Accounts;
using LabRunner.Sandbox.Operations;
using LabRunner.Sandbox.Rules;
using LabRunner.Sandbox.Seeding;
using LabRunner.Sandbox.State;
using LabRunner.TestSupport.Network;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Python;
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
        ["LabRunnerReissueCode"] = new RequestForm("LabRunnerReissueCode").Add("Learner", "bob").Add("NewKey", "true"),
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
        var before = AccountOf("bob");

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
        Assert.Equal(before, AccountOf("bob"));
    }

    [Fact]
    public async Task The_instructor_reads_every_account_and_every_write_is_refused_as_iam_refuses_it()
    {
        var before = AccountOf("bob");

        // Adding learners is the instructor's one write, and changes no learner's resources.
        foreach (var (action, form) in AtBob.Where(pair => !ActionDispatcher.IsReadOnly(pair.Key) && ClassActions.OnlyFor(pair.Key) is null))
        {
            var refusal = await Assert.ThrowsAsync<RdsException>(() => CallAsync(instructor, form));
            Assert.Equal((403, "AccessDenied"), (refusal.StatusCode, refusal.ErrorCode));
            Assert.Contains($"User: arn:aws:iam::000000000000:user/labrunner-instructor is not authorized to perform: rds:{action} on resource: arn:aws:rds:us-east-1:000000000000:", refusal.Message, StringComparison.Ordinal);
        }
        var clusters = await CallAsync(instructor, new RequestForm("DescribeDBClusters"));

        Assert.Equal(["aurora-alice-cluster", "aurora-bob-cluster"], Identifiers(clusters, "DBClusterIdentifier"));
        Assert.Equal(before, AccountOf("bob"));
    }

    [Fact]
    public async Task Each_learner_has_an_account_id_of_their_own_in_their_arns_and_another_learners_arn_is_not_found()
    {
        var accounts = sandbox.Host.Class!.Learners.ToDictionary(learner => learner.Name, learner => learner.AccountId!);
        var aliceArn = Assert.Single(Identifiers(await CallAsync(alice, new RequestForm("DescribeDBClusters")), "DBClusterArn"));
        var bobArn = Assert.Single(Identifiers(await CallAsync(bob, new RequestForm("DescribeDBClusters")), "DBClusterArn"));
        var bobsSnapshotArn = Assert.Single(Identifiers(await CallAsync(bob, new RequestForm("DescribeDBClusterSnapshots").Add("DBClusterSnapshotIdentifier", "aurora-bob-snap")), "DBClusterSnapshotArn"));
        var bobsWriterArn = Assert.Single(Identifiers(await CallAsync(bob, new RequestForm("DescribeDBInstances")), "DBInstanceArn"));
        var seenByInstructor = Identifiers(await CallAsync(instructor, new RequestForm("DescribeDBClusters")), "DBClusterArn");

        Assert.All(accounts.Values, account => Assert.Matches("^[0-9]{12}$", account));
        Assert.DoesNotContain("000000000000", accounts.Values);
        Assert.NotEqual(accounts["alice"], accounts["bob"]);
        Assert.Equal($"arn:aws:rds:us-east-1:{accounts["alice"]}:cluster:aurora-alice-cluster", aliceArn);
        Assert.Equal($"arn:aws:rds:us-east-1:{accounts["bob"]}:cluster:aurora-bob-cluster", bobArn);
        Assert.Equal($"arn:aws:rds:us-east-1:{accounts["bob"]}:cluster-snapshot:aurora-bob-snap", bobsSnapshotArn);
        Assert.Equal($"arn:aws:rds:us-east-1:{accounts["bob"]}:db:aurora-bob-instance-1", bobsWriterArn);
        Assert.Equal(new[] { aliceArn, bobArn }.Order(StringComparer.Ordinal), seenByInstructor);

        var before = AccountOf("bob");
        (RequestForm Form, string NotFound)[] atBobsArns =
        [
            (new RequestForm("ListTagsForResource").Add("ResourceName", bobArn), "DBClusterNotFoundFault"),
            (new RequestForm("AddTagsToResource").Add("ResourceName", bobArn).Add("Tags.Tag.1.Key", "team").Add("Tags.Tag.1.Value", "red"), "DBClusterNotFoundFault"),
            (new RequestForm("ListTagsForResource").Add("ResourceName", bobsSnapshotArn), "DBClusterSnapshotNotFoundFault"),
            (new RequestForm("ListTagsForResource").Add("ResourceName", bobsWriterArn), "DBInstanceNotFound"),
            // Alice's own cluster, named in bob's account, is not hers there.
            (new RequestForm("ListTagsForResource").Add("ResourceName", aliceArn.Replace(accounts["alice"], accounts["bob"], StringComparison.Ordinal)), "DBClusterNotFoundFault"),
        ];
        foreach (var (form, notFound) in atBobsArns)
            Assert.Equal(notFound, (await Assert.ThrowsAsync<RdsException>(() => CallAsync(alice, form))).ErrorCode);
        await CallAsync(alice, new RequestForm("AddTagsToResource").Add("ResourceName", aliceArn).Add("Tags.Tag.1.Key", "team").Add("Tags.Tag.1.Value", "blue"));
        Assert.Equal(before, AccountOf("bob"));
    }

    [Fact]
    public async Task An_identifier_is_one_accounts_at_a_time_and_free_again_once_deleted()
    {
        var bobSnapshot = new RequestForm("CreateDBClusterSnapshot").Add("DBClusterSnapshotIdentifier", "aurora-bob-snap").Add("DBClusterIdentifier", "aurora-bob-cluster");
        var aliceTakesIt = new RequestForm("CreateDBClusterSnapshot").Add("DBClusterSnapshotIdentifier", "aurora-bob-snap").Add("DBClusterIdentifier", "aurora-alice-cluster");

        var whileBobsExists = await Assert.ThrowsAsync<RdsException>(() => CallAsync(alice, aliceTakesIt));
        await CallAsync(bob, new RequestForm("DeleteDBClusterSnapshot").Add("DBClusterSnapshotIdentifier", "aurora-bob-snap"));
        await CallAsync(alice, aliceTakesIt);
        var bobAgain = await Assert.ThrowsAsync<RdsException>(() => CallAsync(bob, bobSnapshot));

        Assert.Equal("DBClusterSnapshotAlreadyExistsFault", whileBobsExists.ErrorCode);
        Assert.Equal("DBClusterSnapshotAlreadyExistsFault", bobAgain.ErrorCode);
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

    /// <summary>
    /// A write a learner signed (botocore, header auth), captured and replayed byte for byte once the sandbox's clock
    /// moved 16 minutes: refused as AWS refuses an old signature, and what it would redo (a snapshot the learner has
    /// since deleted) stays undone. The same for a presigned GET valid for 15 minutes.
    /// </summary>
    [PeerFact(RealPeer.Boto3)]
    public async Task A_learners_request_replayed_16_minutes_later_is_refused_and_changes_nothing()
    {
        var gina = await JoinedAsync("gina");
        const string Create = "Action=CreateDBClusterSnapshot&Version=2014-10-31&DBClusterSnapshotIdentifier=aurora-gina-snap1&DBClusterIdentifier=aurora-gina-cluster";
        var signedAt = sandbox.Time.GetUtcNow();
        var signed = (await BotocoreSigner.SignAsync(sandbox.Uri, new PostToSign(Create, signedAt, AccessKeyId: gina.AccessKeyId, SecretAccessKey: gina.SecretAccessKey)))[0];
        var presigned = await BotocoreSigner.PresignAsync(sandbox.Uri, "create_db_cluster_snapshot",
            new Dictionary<string, string> { ["DBClusterSnapshotIdentifier"] = "aurora-gina-snap2", ["DBClusterIdentifier"] = "aurora-gina-cluster" },
            signedAt, 900, accessKeyId: gina.AccessKeyId, secretAccessKey: gina.SecretAccessKey);
        var accepted = await sandbox.PostSignedAsync(Create, signed);
        var presignedAccepted = await sandbox.GetAsync(presigned);
        using (var client = await ClientAsync(gina.AccessKeyId, gina.SecretAccessKey))
        {
            foreach (var snapshot in new[] { "aurora-gina-snap1", "aurora-gina-snap2" })
            {
                sandbox.Time.Advance(TimeSpan.FromMinutes(1)); // a snapshot is deleted once it is available
                await CallAsync(client, new RequestForm("DeleteDBClusterSnapshot").Add("DBClusterSnapshotIdentifier", snapshot));
            }
        }
        var before = AccountOf("gina");
        sandbox.Time.SetUtcNow(signedAt + TimeSpan.FromMinutes(16));

        var replayed = await sandbox.PostSignedAsync(Create, signed);
        var presignedReplayed = await sandbox.GetAsync(presigned);

        Assert.Equal((200, 200), (accepted.Status, presignedAccepted.Status));
        var amzDate = BotocoreSigner.AmzDate(signedAt);
        Assert.Equal((403, "SignatureDoesNotMatch", $"Signature expired: {amzDate} is now earlier than {BotocoreSigner.AmzDate(signedAt + TimeSpan.FromMinutes(1))} ({BotocoreSigner.AmzDate(signedAt + TimeSpan.FromMinutes(16))} - 15 min.)"),
            (replayed.Status, replayed.ErrorCode, replayed.ErrorMessage));
        Assert.Equal((403, "AccessDenied"), (presignedReplayed.Status, presignedReplayed.ErrorCode));
        Assert.StartsWith("Request has expired", presignedReplayed.ErrorMessage);
        Assert.Equal(before, AccountOf("gina"));
    }

    [Fact]
    public async Task A_reissued_code_joins_where_the_old_one_no_longer_does_and_a_new_key_retires_the_old_one_but_no_resources()
    {
        var carol = (await instructor.AddLearnersAsync(["carol"]))[0];
        sandbox.Time.Advance(TimeSpan.FromHours(25));
        var alicesResources = AccountOf("alice");

        var carolAgain = await instructor.ReissueCodeAsync("carol", newKey: false);
        var oldCode = await Assert.ThrowsAsync<RdsException>(() => RedeemAsync(carol.JoinCode));
        using var carolJoined = await JoinAsync(carolAgain.JoinCode);
        var aliceAgain = await instructor.ReissueCodeAsync("alice", newKey: true);
        var oldKey = await Assert.ThrowsAsync<RdsException>(() => CallAsync(alice, new RequestForm("DescribeDBClusters")));
        using var aliceRejoined = await JoinAsync(aliceAgain.JoinCode);
        var unknown = await Assert.ThrowsAsync<RdsException>(() => instructor.ReissueCodeAsync("nobody", newKey: false));

        Assert.Equal("JoinCodeNotFound", oldCode.ErrorCode);
        Assert.Equal(["aurora-carol-cluster"], Identifiers(await CallAsync(carolJoined, new RequestForm("DescribeDBClusters")), "DBClusterIdentifier"));
        Assert.Equal((403, "InvalidClientTokenId"), (oldKey.StatusCode, oldKey.ErrorCode));
        Assert.Equal(["aurora-alice-cluster"], Identifiers(await CallAsync(aliceRejoined, new RequestForm("DescribeDBClusters")), "DBClusterIdentifier"));
        Assert.Equal(alicesResources, AccountOf("alice"));
        Assert.Equal((404, "LearnerNotFound"), (unknown.StatusCode, unknown.ErrorCode));
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
        var joined = await RedeemAsync(code);
        return await ClientAsync(joined.AccessKeyId, joined.SecretAccessKey);
    }

    /// <summary>A learner the instructor adds now, joined: their key.</summary>
    private async Task<JoinedLearner> JoinedAsync(string name) => await RedeemAsync((await instructor.AddLearnersAsync([name]))[0].JoinCode);

    private async Task<JoinedLearner> RedeemAsync(string code)
    {
        using var joining = await ClientAsync("labrunner-join", "unsigned");
        return await joining.JoinAsync(code, sandbox.Time.GetUtcNow());
    }

    private Task<RdsQueryClient> ClientAsync(string accessKeyId, string secret) => sandbox.ClientSigningWithAsync(accessKeyId, secret);

    private static Task<System.Xml.Linq.XElement> CallAsync(RdsQueryClient client, RequestForm form) => client.CallAsync(form, result => result, CancellationToken.None);

    private static List<string> Identifiers(System.Xml.Linq.XElement result, string field) =>
        [.. result.Descendants(result.Name.Namespace + field).Select(element => element.Value).Order(StringComparer.Ordinal)];

    /// <summary>A learner's resources as stored, compared record by record (a changed record is a new instance).</summary>
    private string AccountOf(string learner) => sandbox.Host.State.Read(Caller.OfLearner(learner), resources => string.Join("\n",
        resources.Clusters.Values.Select(cluster => cluster.ToString())
            .Concat(resources.Instances.Values.Select(instance => instance.ToString()))
            .Concat(resources.Snapshots.Values.Select(snapshot => $"{snapshot} shared with {string.Join(",", snapshot.SharedWith)}"))));
}
