using System.Net;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Python;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Sandbox;

/// <summary>The Query API's envelope rules: action dispatch, versions, parameters, GET requests.</summary>
public sealed class ProtocolTests : IAsyncLifetime
{
    private SandboxFixture sandbox = null!;

    public async Task InitializeAsync() => sandbox = await SandboxFixture.StartAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task Unknown_action_is_InvalidAction()
    {
        var result = await sandbox.CallAsync("DescribeDBWidgets");

        Assert.Equal((400, "InvalidAction"), (result.Status, result.ErrorCode));
        Assert.Equal("Could not find operation DescribeDBWidgets for version 2014-10-31", result.ErrorMessage);
    }

    [Fact]
    public async Task Another_api_version_is_InvalidAction()
    {
        using var response = await sandbox.Http.PostAsync("/", new FormUrlEncodedContent([new("Action", "DescribeDBClusters"), new("Version", "2013-09-09")]));
        var result = await QueryResult.ReadAsync(response);

        Assert.Equal("InvalidAction", result.ErrorCode);
    }

    [Fact]
    public async Task Missing_action_and_missing_version_are_reported()
    {
        using var noAction = await sandbox.Http.PostAsync("/", new FormUrlEncodedContent([new("Version", "2014-10-31")]));
        Assert.Equal("MissingAction", (await QueryResult.ReadAsync(noAction)).ErrorCode);
        using var noVersion = await sandbox.Http.PostAsync("/", new FormUrlEncodedContent([new("Action", "DescribeDBClusters")]));
        var result = await QueryResult.ReadAsync(noVersion);
        Assert.Equal(("MissingParameter", "The request must contain the parameter Version"), (result.ErrorCode, result.ErrorMessage));
    }

    /// <summary>A GET must be presigned (see <see cref="WebPageTests"/>); botocore's presign, with any key, is enough to read.</summary>
    [PeerFact(RealPeer.Boto3)]
    public async Task A_presigned_get_is_answered_like_a_post()
    {
        sandbox.SeedCluster("aurora-alice-cluster");
        var url = await BotocoreSigner.PresignAsync(sandbox.Uri, "describe_db_clusters", new Dictionary<string, string> { ["DBClusterIdentifier"] = "aurora-alice-cluster" }, sandbox.Time.GetUtcNow(), 300, accessKeyId: "AKIDANYONE");
        using var response = await sandbox.Http.GetAsync(url);
        var result = await QueryResult.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("aurora-alice-cluster", Assert.Single(result.Members("DBClusters", "DBCluster")).Field("DBClusterIdentifier"));
    }

    [Fact]
    public async Task Malformed_numbers_and_booleans_are_InvalidParameterValue()
    {
        sandbox.SeedCluster("aurora-alice-cluster");
        var number = await sandbox.CallAsync("DescribeDBClusters", ("MaxRecords", "twenty"));
        var boolean = await sandbox.CallAsync("ModifyDBCluster", ("DBClusterIdentifier", "aurora-alice-cluster"), ("ApplyImmediately", "yes"));

        Assert.Equal(("InvalidParameterValue", "Invalid value 'twenty' for MaxRecords: it must be an integer."), (number.ErrorCode, number.ErrorMessage));
        Assert.Equal("InvalidParameterValue", boolean.ErrorCode);
    }

    [Fact]
    public async Task Each_answer_has_its_own_request_id_in_body_and_header()
    {
        using var first = await sandbox.Http.PostAsync("/", new FormUrlEncodedContent([new("Action", "DescribeDBClusters"), new("Version", "2014-10-31")]));
        using var second = await sandbox.Http.PostAsync("/", new FormUrlEncodedContent([new("Action", "Nope"), new("Version", "2014-10-31")]));
        var firstId = (await QueryResult.ReadAsync(first)).Root.Element(QueryResult.Rds + "ResponseMetadata")!.Field("RequestId");
        var secondId = (await QueryResult.ReadAsync(second)).Root.Field("RequestId");

        Assert.Equal(first.Headers.GetValues("x-amzn-RequestId").Single(), firstId);
        Assert.Equal(second.Headers.GetValues("x-amzn-RequestId").Single(), secondId);
        Assert.NotEqual(firstId, secondId);
    }

    [Fact]
    public async Task Concurrent_creates_of_one_identifier_succeed_exactly_once()
    {
        sandbox.SeedCluster("aurora-alice-cluster");
        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            sandbox.CallAsync("CreateDBClusterSnapshot", ("DBClusterSnapshotIdentifier", "race"), ("DBClusterIdentifier", "aurora-alice-cluster"))));

        Assert.Equal(1, attempts.Count(result => result.Status == 200));
        Assert.All(attempts.Where(result => result.Status != 200), result => Assert.Equal("DBClusterSnapshotAlreadyExistsFault", result.ErrorCode));
    }
}
