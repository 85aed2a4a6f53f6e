using System.Collections.Concurrent;
using LabRunner.Rds.Model;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Http;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Time;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace LabRunner.Rds.Tests.Client;

/// <summary>Retries over real HTTP on 127.0.0.1, against a server that throttles, fails and drops on purpose. Backoff waits are skipped, not slept.</summary>
public sealed class RetryTests(ITestOutputHelper output)
{
    private static string ClusterXml(string id) =>
        RdsReplies.SuccessXml("DescribeDBClusters", $"<DBClusters><DBCluster><DBClusterIdentifier>{id}</DBClusterIdentifier><Status>available</Status></DBCluster></DBClusters>");

    private static Task AnswerCluster(HttpContext context, RecordedRequest request) =>
        RdsReplies.Xml(context, 200, ClusterXml(request.Form["DBClusterIdentifier"]));

    private static Func<RdsClientOptions, RdsClientOptions> Skipping(SkipDelaysTimeProvider clock, int maxAttempts) =>
        o => o with { TimeProvider = clock, MaxAttempts = maxAttempts, AttemptTimeout = TimeSpan.FromMinutes(5), CallTimeout = TimeSpan.FromMinutes(30) };

    [Fact]
    public async Task Every_call_completes_correctly_under_20_percent_throttling_10_percent_500s_and_dropped_connections()
    {
        const int calls = 200;
        var dice = new Random(20251125); // a fixed plan of faults, so the run is the same every time
        var throttled = 0;
        await using var server = await ScriptedHttpServer.StartAsync((context, request) =>
        {
            double roll;
            lock (dice)
            {
                roll = dice.NextDouble();
            }

            switch (roll)
            {
                case < 0.20:
                    Interlocked.Increment(ref throttled);
                    return RdsReplies.Throttle(context);
                case < 0.25:
                    return RdsReplies.Html500(context);
                case < 0.30:
                    return RdsReplies.Error(context, 500, "InternalFailure", "An internal error occurred.");
                case < 0.35:
                    return RdsReplies.Drop(context);
                default:
                    return AnswerCluster(context, request);
            }
        });
        var clock = new SkipDelaysTimeProvider(TimeSpan.FromSeconds(30));
        var attemptEvents = new ConcurrentQueue<RdsAttempt>();
        // 35 % of attempts fail; 10 attempts leave a call a 0.35^10 ≈ 3e-5 chance of failing, and the fixed plan above has none.
        using var client = await PeerClients.CreateClientAsync(server.Endpoint, Skipping(clock, maxAttempts: 10));
        client.Stats.AttemptCompleted += attemptEvents.Enqueue;

        for (var i = 0; i < calls; i++)
        {
            var id = $"aurora-learner{i}-cluster";
            var response = await client.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = id });
            Assert.Equal(id, Assert.Single(response.DBClusters).DBClusterIdentifier);
        }

        var stats = client.Stats;
        var requests = server.Requests.Count;
        output.WriteLine($"{calls} calls took {requests} requests: {stats.Retries} retries, {stats.Throttles} throttled");
        Assert.True(requests > calls * 1.3, $"the fault plan should have cost retries, saw {requests} requests for {calls} calls");
        Assert.Equal(calls, stats.Calls);
        Assert.Equal(0, stats.FailedCalls);
        Assert.Equal(requests, stats.Attempts);
        Assert.Equal(requests - calls, stats.Retries);
        Assert.Equal(throttled, stats.Throttles);
        Assert.Equal(requests, attemptEvents.Count);
        Assert.Equal(throttled, attemptEvents.Count(a => a.ErrorCode == "Throttling"));
        Assert.Contains(attemptEvents, a => a.ErrorCode == "ConnectionDropped");
        Assert.Contains(attemptEvents, a => a is { StatusCode: 500, ErrorCode: "HtmlResponse" });
        Assert.Equal(stats.Retries, clock.SkippedDelays.Count);
        Assert.All(clock.SkippedDelays, d => Assert.InRange(d, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(20)));
        Assert.True(clock.SkippedDelays.Distinct().Count() > 1, "backoff waits carry jitter");
    }

    [Theory]
    [InlineData(400, "InvalidParameterValue", RdsErrorKind.InvalidParameter)]
    [InlineData(400, "InvalidDBClusterStateFault", RdsErrorKind.InvalidState)]
    [InlineData(404, "DBClusterNotFoundFault", RdsErrorKind.NotFound)]
    [InlineData(403, "AccessDenied", RdsErrorKind.AccessDenied)]
    [InlineData(403, "ExpiredToken", RdsErrorKind.Credentials)]
    public async Task Client_errors_are_not_retried(int status, string code, RdsErrorKind kind)
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => RdsReplies.Error(context, status, code, "refused"));
        var clock = new SkipDelaysTimeProvider(TimeSpan.FromSeconds(30));
        using var client = await PeerClients.CreateClientAsync(server.Endpoint, Skipping(clock, maxAttempts: 5));

        var error = await Assert.ThrowsAsync<RdsException>(() => client.DescribeDBClustersAsync(new DescribeDBClustersRequest()));

        Assert.Equal((kind, code, status), (error.Kind, error.ErrorCode, error.StatusCode));
        Assert.Single(server.Requests);
        Assert.Equal((1, 0, 1), (client.Stats.Attempts, client.Stats.Retries, client.Stats.FailedCalls));
        Assert.Empty(clock.SkippedDelays);
    }

    [Fact]
    public async Task A_server_that_keeps_failing_costs_max_attempts_then_surfaces_its_last_answer()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => RdsReplies.Html500(context));
        var clock = new SkipDelaysTimeProvider(TimeSpan.FromSeconds(30));
        using var client = await PeerClients.CreateClientAsync(server.Endpoint, Skipping(clock, maxAttempts: 3));

        var error = await Assert.ThrowsAsync<RdsException>(() => client.ModifyDBClusterAsync(new ModifyDBClusterRequest("aurora-alice-cluster")));

        Assert.Equal((RdsErrorKind.Service, "HtmlResponse", 500), (error.Kind, error.ErrorCode, error.StatusCode));
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal((3, 2, 1), (client.Stats.Attempts, client.Stats.Retries, client.Stats.FailedCalls));
    }

    [Fact]
    public async Task Dropped_connections_are_retried_then_reported_as_transport_errors()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => RdsReplies.Drop(context));
        var clock = new SkipDelaysTimeProvider(TimeSpan.FromSeconds(30));
        using var client = await PeerClients.CreateClientAsync(server.Endpoint, Skipping(clock, maxAttempts: 2));

        var error = await Assert.ThrowsAsync<RdsException>(() => client.DescribeDBInstancesAsync(new DescribeDBInstancesRequest()));

        Assert.Equal((RdsErrorKind.Transport, "ConnectionDropped"), (error.Kind, error.ErrorCode));
        Assert.Contains(server.Endpoint.ToString(), error.Message);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_names_the_endpoint()
    {
        var nothingThere = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var clock = new SkipDelaysTimeProvider(TimeSpan.FromSeconds(30));
        using var client = await PeerClients.CreateClientAsync(nothingThere, Skipping(clock, maxAttempts: 3));

        var error = await Assert.ThrowsAsync<RdsException>(() => client.DescribeDBClustersAsync(new DescribeDBClustersRequest()));

        Assert.Equal((RdsErrorKind.Transport, "ConnectionRefused"), (error.Kind, error.ErrorCode));
        Assert.StartsWith($"Nothing is listening at {nothingThere} (connection refused)", error.Message);
        Assert.Null(error.StatusCode);
        Assert.Equal((3, 2), (client.Stats.Attempts, client.Stats.Retries));
    }

    [Fact]
    public async Task Each_retry_is_signed_afresh()
    {
        var clock = new SkipDelaysTimeProvider(TimeSpan.FromSeconds(30));
        var answered = 0;
        await using var server = await ScriptedHttpServer.StartAsync((context, request) =>
        {
            if (Interlocked.Increment(ref answered) == 1)
            {
                clock.Advance(TimeSpan.FromMinutes(2)); // time passes while RDS is busy
                return RdsReplies.Throttle(context);
            }

            return AnswerCluster(context, request);
        });
        using var client = await PeerClients.CreateClientAsync(server.Endpoint, Skipping(clock, maxAttempts: 3));

        await client.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = "aurora-alice-cluster" });

        var (first, second) = (server.Requests[0], server.Requests[1]);
        var firstDate = DateTime.ParseExact(first.Header("X-Amz-Date")!, "yyyyMMdd'T'HHmmss'Z'", null);
        var secondDate = DateTime.ParseExact(second.Header("X-Amz-Date")!, "yyyyMMdd'T'HHmmss'Z'", null);
        Assert.True(secondDate - firstDate >= TimeSpan.FromMinutes(2), $"{firstDate:O} then {secondDate:O}");
        Assert.NotEqual(first.Header("Authorization"), second.Header("Authorization"));
        Assert.Equal(first.Body, second.Body);
        Assert.All(server.Requests, r => Assert.Contains($"/{r.Header("X-Amz-Date")![..8]}/us-east-1/rds/aws4_request", r.Header("Authorization")));
    }

    [Fact]
    public async Task An_unreadable_answer_is_a_service_error_and_not_retried()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => RdsReplies.Xml(context, 200, RdsReplies.SuccessXml(
            "DescribeDBClusters", "<DBClusters><DBCluster><DBClusterIdentifier>c</DBClusterIdentifier><BackupRetentionPeriod>seven</BackupRetentionPeriod></DBCluster></DBClusters>")));
        using var client = await PeerClients.CreateClientAsync(server.Endpoint);

        var error = await Assert.ThrowsAsync<RdsException>(() => client.DescribeDBClustersAsync(new DescribeDBClustersRequest()));

        Assert.Equal((RdsErrorKind.Service, "MalformedResponse", 200), (error.Kind, error.ErrorCode, error.StatusCode));
        Assert.Contains("'seven'", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Requests_are_signed_form_posts_of_the_Query_API()
    {
        await using var server = await ScriptedHttpServer.StartAsync(AnswerCluster);
        using var client = await PeerClients.CreateClientAsync(server.Endpoint);

        await client.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = "aurora-alice-cluster" });

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/"), (request.Method, request.Path));
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal(server.Endpoint.Authority, request.Header("Host"));
        Assert.Equal(("DescribeDBClusters", "2014-10-31"), (request.Action, request.Form["Version"]));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDLABRUNNERTEST/", request.Header("Authorization"));
        Assert.Contains("SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-type;host;x-amz-date,", request.Header("Authorization"));
        Assert.Equal("attempt=1", request.Header("amz-sdk-request"));
        Assert.True(Guid.TryParse(request.Header("amz-sdk-invocation-id"), out _));
    }
}
