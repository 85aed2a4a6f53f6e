using System.Security.Cryptography;
using System.Text;
using LabRunner.Rds.Model;
using LabRunner.Sandbox;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Python;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Sandbox;

/// <summary>
/// A sandbox that verifies signatures, attacked with requests botocore signed (its SigV4 code, not LabRunner's) at
/// chosen times against the sandbox's fake clock: tampered bodies, old and future dates, replays, other regions,
/// headers left unsigned, and presigned URLs.
/// </summary>
public sealed class SignatureVerificationTests : IAsyncLifetime
{
    private const string DescribeClusters = "Action=DescribeDBClusters&Version=2014-10-31";
    private const string DeleteSnapshot = "Action=DeleteDBClusterSnapshot&Version=2014-10-31&DBClusterSnapshotIdentifier=aurora-alice-snap";
    private const string CreateSnapshot = "Action=CreateDBClusterSnapshot&Version=2014-10-31&DBClusterSnapshotIdentifier=aurora-alice-snap&DBClusterIdentifier=aurora-alice-cluster";

    private SandboxFixture sandbox = null!;

    private DateTimeOffset Now => sandbox.Time.GetUtcNow();

    public async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync(options => options with { VerifySignaturesWith = [new AccessKey(AwsCli.AccessKeyId, AwsCli.SecretAccessKey)] });
        sandbox.SeedCluster("aurora-alice-cluster");
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    private bool SnapshotExists => sandbox.Host.State.Read(resources => resources.Snapshots.ContainsKey("aurora-alice-snap"));

    [PeerFact(RealPeer.Boto3)]
    public async Task A_captured_describe_replayed_with_a_delete_body_is_refused_and_deletes_nothing()
    {
        var signed = await BotocoreSigner.SignAsync(sandbox.Uri, new PostToSign(CreateSnapshot, Now), new PostToSign(DescribeClusters, Now));
        Assert.Equal(200, (await sandbox.PostSignedAsync(CreateSnapshot, signed[0])).Status);
        var capturedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DescribeClusters)));

        // The attacker keeps the captured headers and even vouches for the old body's hash; the sandbox hashes what it received.
        var tampered = await sandbox.PostSignedAsync(DeleteSnapshot, signed[1], ("X-Amz-Content-SHA256", capturedHash));

        Assert.Equal((403, "SignatureDoesNotMatch"), (tampered.Status, tampered.ErrorCode));
        Assert.True(SnapshotExists);
        // The refused forgery did not use up the genuine request.
        Assert.Equal(200, (await sandbox.PostSignedAsync(DescribeClusters, signed[1])).Status);
    }

    [PeerFact(RealPeer.Boto3)]
    public async Task An_identical_signed_request_is_accepted_once()
    {
        var signed = (await BotocoreSigner.SignAsync(sandbox.Uri, new PostToSign(DescribeClusters, Now)))[0];

        var first = await sandbox.PostSignedAsync(DescribeClusters, signed);
        var replay = await sandbox.PostSignedAsync(DescribeClusters, signed);

        Assert.Equal(200, first.Status);
        Assert.Equal((403, "AccessDenied"), (replay.Status, replay.ErrorCode));
        Assert.Contains("already received", replay.ErrorMessage);
    }

    /// <summary>
    /// The wording is AWS's, checked with the search tool: AWS's own messages quoted in public code, e.g. the
    /// scratchstack-aws-signature crate ("Signature expired: 20210502T144040Z is now earlier than 20210502T173143Z
    /// (20210502T174643Z - 15 min.)", "Signature not yet current: 20210502T183640Z is still later than 20210502T175140Z
    /// (20210502T173640Z + 15 min.)", code SignatureDoesNotMatch, HTTP 403) and dynalite's notes of DynamoDB's answers
    /// (the same "Signature expired" sentence); serverless/enterprise#11 shows "Signature not yet current" from AWS itself.
    /// </summary>
    [PeerFact(RealPeer.Boto3)]
    public async Task Requests_more_than_15_minutes_off_are_refused_with_aws_wording()
    {
        sandbox.Time.SetUtcNow(new DateTimeOffset(2025, 4, 1, 0, 25, 0, TimeSpan.Zero));
        var signed = await BotocoreSigner.SignAsync(sandbox.Uri,
            new PostToSign(DescribeClusters, new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero)),
            new PostToSign(DescribeClusters, new DateTimeOffset(2025, 4, 1, 0, 40, 1, TimeSpan.Zero)),
            new PostToSign(DescribeClusters, new DateTimeOffset(2025, 4, 1, 0, 10, 0, TimeSpan.Zero)));

        var old = await sandbox.PostSignedAsync(DescribeClusters, signed[0]);
        var future = await sandbox.PostSignedAsync(DescribeClusters, signed[1]);
        var justInside = await sandbox.PostSignedAsync(DescribeClusters, signed[2]);

        Assert.Equal((403, "SignatureDoesNotMatch", "Signature expired: 20250401T000000Z is now earlier than 20250401T001000Z (20250401T002500Z - 15 min.)"), (old.Status, old.ErrorCode, old.ErrorMessage));
        Assert.Equal((403, "SignatureDoesNotMatch", "Signature not yet current: 20250401T004001Z is still later than 20250401T004000Z (20250401T002500Z + 15 min.)"), (future.Status, future.ErrorCode, future.ErrorMessage));
        Assert.Equal(200, justInside.Status);
    }

    [PeerFact(RealPeer.Boto3)]
    public async Task A_signature_scoped_to_another_region_is_refused()
    {
        var signed = (await BotocoreSigner.SignAsync(sandbox.Uri, new PostToSign(DescribeClusters, Now, Region: "us-west-2")))[0];

        var result = await sandbox.PostSignedAsync(DescribeClusters, signed);

        Assert.Equal((403, "SignatureDoesNotMatch"), (result.Status, result.ErrorCode));
        Assert.StartsWith("Credential should be scoped to a valid region, not 'us-west-2'", result.ErrorMessage);
    }

    [PeerFact(RealPeer.Boto3)]
    public async Task A_credential_date_that_is_not_the_request_date_is_refused()
    {
        sandbox.Time.SetUtcNow(new DateTimeOffset(2025, 3, 3, 23, 59, 50, TimeSpan.Zero));
        var signed = (await BotocoreSigner.SignAsync(sandbox.Uri, new PostToSign(DescribeClusters, Now)))[0];
        var nextDay = new Dictionary<string, string>(signed, StringComparer.OrdinalIgnoreCase) { ["X-Amz-Date"] = "20250304T000005Z" };

        var result = await sandbox.PostSignedAsync(DescribeClusters, nextDay);

        Assert.Equal((403, "SignatureDoesNotMatch"), (result.Status, result.ErrorCode));
        Assert.Equal("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20250303' != '20250304', from '20250304T000005Z'.", result.ErrorMessage);
    }

    [PeerTheory(RealPeer.Boto3)]
    [InlineData("host", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")]
    [InlineData("x-amz-date", "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.")]
    public async Task A_header_signed_request_must_sign_host_and_date(string unsigned, string message)
    {
        var signed = (await BotocoreSigner.SignAsync(sandbox.Uri, new PostToSign(DescribeClusters, Now, Unsigned: [unsigned])))[0];
        Assert.DoesNotContain(unsigned, signed["Authorization"].Split("SignedHeaders=")[1].Split(',')[0].Split(';'));

        var result = await sandbox.PostSignedAsync(DescribeClusters, signed);

        Assert.Equal((403, "SignatureDoesNotMatch", message), (result.Status, result.ErrorCode, result.ErrorMessage));
    }

    [Fact]
    public async Task LabRunner_own_client_signs_in_a_way_the_verifier_accepts()
    {
        using var client = await PeerClients.CreateClientAsync(sandbox.Uri, options => options with { TimeProvider = sandbox.Time });

        var clusters = await client.DescribeDBClustersAsync(new DescribeDBClustersRequest());
        // The same call again within the same second (the clock does not move): each call is its own SDK invocation,
        // so it is not mistaken for a replay.
        var again = await client.DescribeDBClustersAsync(new DescribeDBClustersRequest());

        Assert.Equal("aurora-alice-cluster", Assert.Single(clusters.DBClusters).DBClusterIdentifier);
        Assert.Equal("aurora-alice-cluster", Assert.Single(again.DBClusters).DBClusterIdentifier);
    }

    [PeerFact(RealPeer.Boto3)]
    public async Task A_presigned_get_with_the_right_key_may_do_any_action_until_it_expires()
    {
        var signed = (await BotocoreSigner.SignAsync(sandbox.Uri, new PostToSign(CreateSnapshot, Now)))[0];
        Assert.Equal(200, (await sandbox.PostSignedAsync(CreateSnapshot, signed)).Status);
        sandbox.Time.Advance(TimeSpan.FromMinutes(2));
        var describe = await BotocoreSigner.PresignAsync(sandbox.Uri, "describe_db_clusters", new Dictionary<string, string>(), Now, 300);
        var delete = await BotocoreSigner.PresignAsync(sandbox.Uri, "delete_db_cluster_snapshot", new Dictionary<string, string> { ["DBClusterSnapshotIdentifier"] = "aurora-alice-snap" }, Now, 300);

        var described = await sandbox.GetAsync(describe);
        var describedAgain = await sandbox.GetAsync(describe);
        var deleted = await sandbox.GetAsync(delete);
        sandbox.Time.Advance(TimeSpan.FromSeconds(301));
        var expired = await sandbox.GetAsync(describe);

        Assert.Equal((403, "AccessDenied"), (expired.Status, expired.ErrorCode));
        Assert.StartsWith("Request has expired", expired.ErrorMessage);
        Assert.Equal("aurora-alice-cluster", Assert.Single(described.Members("DBClusters", "DBCluster")).Field("DBClusterIdentifier"));
        Assert.Equal(200, describedAgain.Status);
        Assert.Equal(200, deleted.Status);
        Assert.False(SnapshotExists);
    }

    [PeerFact(RealPeer.Boto3)]
    public async Task A_presigned_get_with_a_wrong_secret_or_an_edited_query_is_refused()
    {
        var signed = (await BotocoreSigner.SignAsync(sandbox.Uri, new PostToSign(CreateSnapshot, Now)))[0];
        Assert.Equal(200, (await sandbox.PostSignedAsync(CreateSnapshot, signed)).Status);
        sandbox.Time.Advance(TimeSpan.FromMinutes(2));
        var wrongSecret = await BotocoreSigner.PresignAsync(sandbox.Uri, "delete_db_cluster_snapshot", new Dictionary<string, string> { ["DBClusterSnapshotIdentifier"] = "aurora-alice-snap" }, Now, 300, secretAccessKey: "not-the-secret");
        var describe = await BotocoreSigner.PresignAsync(sandbox.Uri, "describe_db_cluster_snapshots", new Dictionary<string, string> { ["DBClusterSnapshotIdentifier"] = "aurora-alice-snap" }, Now, 300);
        var edited = new Uri(describe.ToString().Replace("Action=DescribeDBClusterSnapshots", "Action=DeleteDBClusterSnapshot", StringComparison.Ordinal));

        var forged = await sandbox.GetAsync(wrongSecret);
        var tampered = await sandbox.GetAsync(edited);

        Assert.Equal((403, "SignatureDoesNotMatch"), (forged.Status, forged.ErrorCode));
        Assert.Equal((403, "SignatureDoesNotMatch"), (tampered.Status, tampered.ErrorCode));
        Assert.True(SnapshotExists);
    }

    [PeerFact(RealPeer.Boto3)]
    public async Task A_presign_longer_than_a_week_is_refused()
    {
        var tooLong = await BotocoreSigner.PresignAsync(sandbox.Uri, "describe_db_clusters", new Dictionary<string, string>(), Now, 604801);

        var result = await sandbox.GetAsync(tooLong);

        Assert.Equal((400, "AuthorizationQueryParametersError"), (result.Status, result.ErrorCode));
        Assert.Contains("X-Amz-Expires must be less than a week", result.ErrorMessage);
    }
}
