using LabRunner.Rds.Model;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Http;
using LabRunner.TestSupport.Peers;
using Microsoft.Extensions.Time.Testing;

namespace LabRunner.Rds.Tests.Client;

/// <summary>Timeouts and cancellation against a server that never answers; time is a <see cref="FakeTimeProvider"/> moved by the test.</summary>
public sealed class TimeoutAndCancellationTests
{
    private static Task<ScriptedHttpServer> SilentServer() => ScriptedHttpServer.StartAsync((context, _) => RdsReplies.Hang(context));

    private static Func<RdsClientOptions, RdsClientOptions> On(FakeTimeProvider clock, int maxAttempts, TimeSpan attemptTimeout, TimeSpan callTimeout) =>
        o => o with { TimeProvider = clock, MaxAttempts = maxAttempts, AttemptTimeout = attemptTimeout, CallTimeout = callTimeout, RetryBaseDelay = TimeSpan.Zero };

    [Fact]
    public async Task An_attempt_that_gets_no_answer_times_out_as_a_transport_error()
    {
        var clock = new FakeTimeProvider();
        await using var server = await SilentServer();
        using var client = await PeerClients.CreateClientAsync(server.Endpoint, On(clock, 1, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1)));
        var attempts = new List<RdsAttempt>();
        client.Stats.AttemptCompleted += attempts.Add;

        var call = client.DescribeDBClustersAsync(new DescribeDBClustersRequest());
        await Eventually.HoldsAsync(() => server.Requests.Count == 1, "the request reaches the server");
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<RdsException>(() => call);
        Assert.Equal((RdsErrorKind.Transport, "Timeout"), (error.Kind, error.ErrorCode));
        Assert.Equal($"{server.Endpoint} did not answer DescribeDBClusters within 5 s.", error.Message);
        Assert.Equal(1, client.Stats.FailedCalls);
        Assert.Equal("Timeout", Assert.Single(attempts).ErrorCode);
    }

    [Fact]
    public async Task A_timed_out_attempt_is_retried()
    {
        var clock = new FakeTimeProvider();
        await using var server = await SilentServer();
        using var client = await PeerClients.CreateClientAsync(server.Endpoint, On(clock, 2, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1)));

        var call = client.DescribeDBClustersAsync(new DescribeDBClustersRequest());
        await Eventually.HoldsAsync(() => server.Requests.Count == 1, "the first attempt reaches the server");
        clock.Advance(TimeSpan.FromSeconds(5));
        await Eventually.HoldsAsync(() => server.Requests.Count == 2, "the retry reaches the server");
        clock.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<RdsException>(() => call);
        Assert.Equal("Timeout", error.ErrorCode);
        Assert.EndsWith("within 5 s (2 attempts).", error.Message);
        Assert.Equal(1, client.Stats.Retries);
    }

    [Fact]
    public async Task The_call_timeout_bounds_all_attempts_together()
    {
        var clock = new FakeTimeProvider();
        await using var server = await SilentServer();
        using var client = await PeerClients.CreateClientAsync(server.Endpoint, On(clock, 5, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(8)));

        var call = client.DescribeDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest());
        await Eventually.HoldsAsync(() => server.Requests.Count == 1, "the first attempt reaches the server");
        clock.Advance(TimeSpan.FromSeconds(5));
        await Eventually.HoldsAsync(() => server.Requests.Count == 2, "the retry reaches the server");
        clock.Advance(TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<RdsException>(() => call);
        Assert.Equal((RdsErrorKind.Transport, "Timeout"), (error.Kind, error.ErrorCode));
        Assert.StartsWith($"{server.Endpoint} did not answer DescribeDBClusterSnapshots within 8 s", error.Message);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_a_call_in_flight_cancels_it_and_is_not_a_failure()
    {
        await using var server = await SilentServer();
        using var client = await PeerClients.CreateClientAsync(server.Endpoint, On(new FakeTimeProvider(), 3, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1)));
        var attempts = new List<RdsAttempt>();
        client.Stats.AttemptCompleted += attempts.Add;
        using var cancellation = new CancellationTokenSource();

        var call = client.DescribeDBClustersAsync(new DescribeDBClustersRequest(), cancellation.Token);
        await Eventually.HoldsAsync(() => server.Requests.Count == 1, "the request reaches the server");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(server.Requests);
        Assert.Equal(0, client.Stats.FailedCalls);
        Assert.Equal("Cancelled", Assert.Single(attempts).ErrorCode);
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_wait_stops_retrying()
    {
        var clock = new FakeTimeProvider(); // never advanced: the backoff wait would last forever
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => RdsReplies.Throttle(context));
        using var client = await PeerClients.CreateClientAsync(server.Endpoint, o => On(clock, 5, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1))(o) with { RetryBaseDelay = TimeSpan.FromSeconds(1) });
        using var cancellation = new CancellationTokenSource();

        var call = client.DescribeDBClustersAsync(new DescribeDBClustersRequest(), cancellation.Token);
        await Eventually.HoldsAsync(() => client.Stats.Retries == 1, "the client waits to retry");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using var server = await SilentServer();
        using var client = await PeerClients.CreateClientAsync(server.Endpoint);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("s", "c"), new CancellationToken(canceled: true)));

        Assert.Empty(server.Requests);
    }
}
