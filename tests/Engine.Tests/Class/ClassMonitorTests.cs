using System.Collections.Concurrent;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Class;
using LabRunner.Rds;
using LabRunner.TestSupport.Http;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace LabRunner.Engine.Tests.Class;

/// <summary>The live refresh against a scripted RDS over real HTTP: each answer is chosen by the test.</summary>
public sealed class ClassMonitorTests : IAsyncLifetime
{
    private const string AliceCluster = """
        <DBClusters><DBCluster>
          <DBClusterIdentifier>aurora-alice-cluster</DBClusterIdentifier><Status>available</Status>
          <DBClusterMembers><DBClusterMember><DBInstanceIdentifier>aurora-alice-instance-1</DBInstanceIdentifier><IsClusterWriter>true</IsClusterWriter></DBClusterMember></DBClusterMembers>
          <PreferredBackupWindow>07:10-07:40</PreferredBackupWindow><BackupRetentionPeriod>1</BackupRetentionPeriod>
        </DBCluster></DBClusters>
        """;

    /// <summary>What the scripted RDS answers next: set by each test, read by the server's threads.</summary>
    private volatile Func<HttpContext, RecordedRequest, Task> answer = Healthy;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private TimerSignallingClock monitorClock = null!;
    private ScriptedHttpServer server = null!;
    private RdsQueryClient client = null!;
    private ClassMonitor monitor = null!;

    public async Task InitializeAsync()
    {
        server = await ScriptedHttpServer.StartAsync((context, request) => answer(context, request));
        client = await PeerClients.CreateClientAsync(server.Endpoint, options => options with
        {
            MaxAttempts = 3,
            TimeProvider = new SkipDelaysTimeProvider(TimeSpan.FromMinutes(1)),
        });
        var room = new ClassRoom(ClassLabs.Aurora, [ClassLabs.Learner("alice")], discover: true, new ReadOnlyRdsApi(client), CheckKinds.Default, clock);
        monitorClock = new TimerSignallingClock(clock);
        monitor = new ClassMonitor(room, client.Stats, monitorClock);
    }

    public async Task DisposeAsync()
    {
        await monitor.DisposeAsync();
        client.Dispose();
        await server.DisposeAsync();
    }

    private static Task Healthy(HttpContext context, RecordedRequest request) => request.Action switch
    {
        "DescribeDBClusters" => RdsReplies.Success(context, "DescribeDBClusters", AliceCluster),
        "DescribeDBClusterSnapshots" => RdsReplies.Success(context, "DescribeDBClusterSnapshots", "<DBClusterSnapshots/>"),
        _ => RdsReplies.Error(context, 400, "InvalidAction", $"the class view must not call {request.Action}"),
    };

    [Fact]
    public async Task A_refresh_reads_each_kind_once_and_judges_the_class()
    {
        var status = await monitor.RefreshAsync();

        var row = Assert.Single(status.Board!.Rows);
        Assert.Equal("alice", row.Learner.Key);
        Assert.Equal(LearnerSources.Roster | LearnerSources.Discovered, row.Learner.Sources);
        Assert.Equal(Steps.StepStatus.Passed, row.Results[0].Status);
        Assert.Equal(2, status.Board.Requests);
        Assert.Equal(2, status.Requests);
        Assert.Equal(["DescribeDBClusterSnapshots", "DescribeDBClusters"], server.Requests.Select(request => request.Action).Order(StringComparer.Ordinal));
        Assert.Equal("manual", server.Requests.Single(request => request.Action == "DescribeDBClusterSnapshots").Form["SnapshotType"]);
        Assert.All(server.Requests, request => Assert.Equal("100", request.Form["MaxRecords"]));
        Assert.Null(status.Failure);
        Assert.False(status.Refreshing);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_last_good_board_and_tells_its_age()
    {
        var good = (await monitor.RefreshAsync()).Board!;
        answer = (context, _) => RdsReplies.Error(context, 403, "AccessDenied", "User is not authorized to perform rds:DescribeDBClusters");
        clock.Advance(TimeSpan.FromSeconds(45));

        var status = await monitor.RefreshAsync();

        Assert.Same(good, status.Board);
        Assert.Equal(TimeSpan.FromSeconds(45), status.Age(clock.GetUtcNow()));
        Assert.StartsWith("could not read DB clusters: User is not authorized", status.Failure);
        Assert.Equal(clock.GetUtcNow(), status.FailedAt);

        answer = Healthy;
        var recovered = await monitor.RefreshAsync();
        Assert.NotSame(good, recovered.Board);
        Assert.Null(recovered.Failure);
    }

    [Fact]
    public async Task Throttling_shows_as_throttled_while_the_client_backs_off_and_retries()
    {
        var throttledOnce = new ConcurrentDictionary<string, bool>();
        answer = (context, request) => throttledOnce.TryAdd(request.Action!, true) ? RdsReplies.Throttle(context) : Healthy(context, request);
        var seen = new ConcurrentQueue<ClassStatus>();
        monitor.Changed += seen.Enqueue;

        var status = await monitor.RefreshAsync();

        Assert.Contains(seen, update => update is { Refreshing: true, Throttled: true });
        Assert.False(status.Throttled);
        Assert.NotNull(status.Board);
        Assert.Null(status.Failure);
        Assert.Equal(4, status.Requests);
    }

    [Fact]
    public async Task Throttling_past_the_last_retry_is_a_failure_that_says_so()
    {
        answer = (context, _) => RdsReplies.Throttle(context);

        var status = await monitor.RefreshAsync();

        Assert.Null(status.Board);
        Assert.StartsWith("throttled by RDS, retries ran out: could not read", status.Failure);
        Assert.Equal(6, status.Requests);
    }

    [Fact]
    public async Task Started_it_refreshes_at_once_and_again_each_interval()
    {
        var refreshed = new ConcurrentQueue<ClassBoard>();
        monitor.Changed += update =>
        {
            if (update is { Refreshing: false, Board: { } board } && !refreshed.Contains(board))
                refreshed.Enqueue(board);
        };

        monitor.Start(TimeSpan.FromSeconds(30));
        await Eventually.HoldsAsync(() => refreshed.Count == 1, "the first refresh");
        Assert.Equal(TimeSpan.FromSeconds(30), await monitorClock.TimerStartedAsync("the monitor's wait for the next refresh"));
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Single(refreshed);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(() => refreshed.Count == 2, "the second refresh, 30 s later on the fake clock");

        Assert.Equal(TimeSpan.FromSeconds(30), refreshed.Last().ReadAt - refreshed.First().ReadAt);
    }
}
