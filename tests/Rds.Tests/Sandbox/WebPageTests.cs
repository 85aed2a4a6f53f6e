using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Python;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Sandbox;

/// <summary>
/// The default sandbox (no signature verification) against what a web page can make a browser send: image and link
/// GETs, cross-origin form POSTs, and requests through a DNS name of its own. None of them may change anything; a
/// presigned GET still reads (see <see cref="ProtocolTests"/>).
/// </summary>
public sealed class WebPageTests : IAsyncLifetime
{
    private SandboxFixture sandbox = null!;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync();
        sandbox.SeedCluster("aurora-alice-cluster");
        Assert.Equal(200, (await sandbox.CallAsync("CreateDBClusterSnapshot", ("DBClusterSnapshotIdentifier", "aurora-alice-snap"), ("DBClusterIdentifier", "aurora-alice-cluster"))).Status);
        sandbox.Time.Advance(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    private bool SnapshotExists => sandbox.Host.State.Read(resources => resources.Snapshots.ContainsKey("aurora-alice-snap"));

    [Fact]
    public async Task A_plain_get_of_an_action_is_refused_and_changes_nothing()
    {
        // What <img src="http://127.0.0.1:PORT/?Action=DeleteDBClusterSnapshot&..."> sends.
        using var response = await sandbox.Http.GetAsync("/?Action=DeleteDBClusterSnapshot&Version=2014-10-31&DBClusterSnapshotIdentifier=aurora-alice-snap");
        var result = await QueryResult.ReadAsync(response);

        Assert.Equal((403, "MissingAuthenticationToken"), (result.Status, result.ErrorCode));
        Assert.StartsWith("A GET request must be SigV4 presigned", result.ErrorMessage);
        Assert.True(SnapshotExists);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("PUT")]
    public async Task Only_a_post_may_carry_an_action_without_a_presign_even_with_an_authorization_header(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/?Action=DeleteDBClusterSnapshot&Version=2014-10-31&DBClusterSnapshotIdentifier=aurora-alice-snap");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDANYONE/20250303/us-east-1/rds/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + new string('0', 64));
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20250303T100000Z");

        using var response = await sandbox.Http.SendAsync(request);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.True(SnapshotExists);
    }

    /// <summary>With no secret to check a presign against, anyone could forge one: unverified presigns may only read.</summary>
    [PeerFact(RealPeer.Boto3)]
    public async Task An_unverifiable_presigned_delete_is_refused_and_changes_nothing()
    {
        var url = await BotocoreSigner.PresignAsync(sandbox.Uri, "delete_db_cluster_snapshot", new Dictionary<string, string> { ["DBClusterSnapshotIdentifier"] = "aurora-alice-snap" }, sandbox.Time.GetUtcNow(), 300);

        using var response = await sandbox.Http.GetAsync(url);
        var result = await QueryResult.ReadAsync(response);

        Assert.Equal((403, "AccessDenied"), (result.Status, result.ErrorCode));
        Assert.Contains("may only read", result.ErrorMessage);
        Assert.True(SnapshotExists);
    }

    [PeerFact(RealPeer.Boto3)]
    public async Task An_unverifiable_presign_must_still_be_current_and_scoped_to_this_sandbox()
    {
        var now = sandbox.Time.GetUtcNow();
        var expired = await BotocoreSigner.PresignAsync(sandbox.Uri, "describe_db_clusters", new Dictionary<string, string>(), now - TimeSpan.FromMinutes(10), 300);
        var otherRegion = await BotocoreSigner.PresignAsync(sandbox.Uri, "describe_db_clusters", new Dictionary<string, string>(), now, 300, region: "eu-west-1");
        var incomplete = new Uri(expired.ToString().Split("&X-Amz-Expires=")[0]);

        Assert.Equal("AccessDenied", (await GetAsync(expired)).ErrorCode);
        Assert.Equal("SignatureDoesNotMatch", (await GetAsync(otherRegion)).ErrorCode);
        var missing = await GetAsync(incomplete);
        Assert.Equal((400, "IncompleteSignature"), (missing.Status, missing.ErrorCode));
        Assert.Contains("AWS query-string parameters must include 'X-Amz-Expires'.", missing.ErrorMessage);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Mode", "no-cors")]
    public async Task A_form_post_from_a_browser_is_refused_and_changes_nothing(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new FormUrlEncodedContent([new("Action", "DeleteDBClusterSnapshot"), new("Version", "2014-10-31"), new("DBClusterSnapshotIdentifier", "aurora-alice-snap")]),
        };
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await sandbox.Http.SendAsync(request);
        var result = await QueryResult.ReadAsync(response);

        Assert.Equal((403, "AccessDenied"), (result.Status, result.ErrorCode));
        Assert.Contains($"carries a {header} header", result.ErrorMessage);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.True(SnapshotExists);
    }

    [Theory]
    [InlineData("evil.example:{port}", false)]
    [InlineData("127.0.0.1.nip.io:{port}", false)]
    [InlineData("127.0.0.1:1", false)]
    [InlineData("localhost:{port}", true)]
    [InlineData("LOCALHOST:{port}", true)]
    [InlineData("[::1]:{port}", true)]
    public async Task Only_the_sandbox_own_addresses_are_accepted_as_Host(string host, bool accepted)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new FormUrlEncodedContent([new("Action", "DeleteDBClusterSnapshot"), new("Version", "2014-10-31"), new("DBClusterSnapshotIdentifier", "aurora-alice-snap")]),
        };
        request.Headers.Host = host.Replace("{port}", sandbox.Uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = await sandbox.Http.SendAsync(request);
        var result = await QueryResult.ReadAsync(response);

        (int, string?) expected = accepted ? (200, null) : (403, "AccessDenied");
        Assert.Equal(expected, (result.Status, result.ErrorCode));
        Assert.Equal(!accepted, SnapshotExists);
    }

    private async Task<QueryResult> GetAsync(Uri url)
    {
        using var response = await sandbox.Http.GetAsync(url);
        return await QueryResult.ReadAsync(response);
    }
}
