using System.Globalization;
using LabRunner.Rds.Model;
using LabRunner.TestSupport.Http;
using LabRunner.TestSupport.Peers;
using Microsoft.AspNetCore.Http;

namespace LabRunner.Rds.Tests.Client;

/// <summary>The async-stream paginators following <c>Marker</c> against a server that pages as RDS does.</summary>
public sealed class PaginatorTests
{
    private static readonly string[] SnapshotIds = Enumerable.Range(1, 45).Select(i => $"aurora-alice-snap{i}").ToArray();

    /// <summary>Pages of MaxRecords (default 100) with an opaque marker naming the next index.</summary>
    private static Task AnswerPage(HttpContext context, RecordedRequest request)
    {
        var size = int.Parse(request.Form.GetValueOrDefault("MaxRecords", "100"), CultureInfo.InvariantCulture);
        var start = request.Form.TryGetValue("Marker", out var marker) ? int.Parse(marker["next-".Length..], CultureInfo.InvariantCulture) : 0;
        var page = SnapshotIds.Skip(start).Take(size);
        var next = start + size < SnapshotIds.Length ? $"<Marker>next-{start + size}</Marker>" : "";
        var items = string.Concat(page.Select(id => $"<DBClusterSnapshot><DBClusterSnapshotIdentifier>{id}</DBClusterSnapshotIdentifier></DBClusterSnapshot>"));
        return RdsReplies.Success(context, "DescribeDBClusterSnapshots", $"{next}<DBClusterSnapshots>{items}</DBClusterSnapshots>");
    }

    [Fact]
    public async Task Follows_markers_through_every_page_keeping_the_request()
    {
        await using var server = await ScriptedHttpServer.StartAsync(AnswerPage);
        using var client = await PeerClients.CreateClientAsync(server.Endpoint);
        var request = new DescribeDBClusterSnapshotsRequest { DBClusterIdentifier = "aurora-alice-cluster", MaxRecords = 20 };

        var ids = await client.DescribeAllDBClusterSnapshotsAsync(request).Select(s => s.DBClusterSnapshotIdentifier).ToListAsync();

        Assert.Equal(SnapshotIds, ids);
        Assert.Equal([null, "next-20", "next-40"], server.Requests.Select(r => r.Form.GetValueOrDefault("Marker")));
        Assert.All(server.Requests, r => Assert.Equal(("20", "aurora-alice-cluster"), (r.Form["MaxRecords"], r.Form["DBClusterIdentifier"])));
    }

    [Fact]
    public async Task Pages_yields_each_response()
    {
        await using var server = await ScriptedHttpServer.StartAsync(AnswerPage);
        using var client = await PeerClients.CreateClientAsync(server.Endpoint);

        var pages = await RdsPaginators.Pages<DescribeDBClusterSnapshotsRequest, DescribeDBClusterSnapshotsResponse>(
            new DescribeDBClusterSnapshotsRequest { MaxRecords = 40 }, client.DescribeDBClusterSnapshotsAsync).ToListAsync();

        Assert.Equal([40, 5], pages.Select(p => p.DBClusterSnapshots.Count));
        Assert.Equal(["next-40", null], pages.Select(p => p.Marker));
    }

    [Fact]
    public async Task A_server_repeating_a_marker_is_an_error_not_an_endless_loop()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) =>
            RdsReplies.Success(context, "DescribeDBClusters", "<Marker>same</Marker><DBClusters/>"));
        using var client = await PeerClients.CreateClientAsync(server.Endpoint);

        var error = await Assert.ThrowsAsync<RdsException>(async () => await client.DescribeAllDBClustersAsync(new DescribeDBClustersRequest()).ToListAsync());

        Assert.Equal("PaginationLoop", error.ErrorCode);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_cycle_of_markers_is_an_error_on_the_first_marker_seen_again()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, request) =>
            HostileEndpoint.EmptyPage(context, request, HostileEndpoint.NextInCycle(request.Form.GetValueOrDefault("Marker"))));
        using var client = await PeerClients.CreateClientAsync(server.Endpoint);

        var error = await Assert.ThrowsAsync<RdsException>(async () => await client.DescribeAllDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest()).ToListAsync());

        Assert.Equal("PaginationLoop", error.ErrorCode);
        Assert.Equal(RdsErrorKind.Service, error.Kind);
        Assert.Equal("DescribeDBClusterSnapshots sent the Marker 'm1' on page 4 that it had sent before; stopping instead of looping.", error.Message);
        Assert.Equal([null, "m1", "m2", "m3"], server.Requests.Select(r => r.Form.GetValueOrDefault("Marker")));
    }

    [Fact]
    public async Task A_new_marker_on_every_page_stops_after_the_page_limit_naming_the_operation()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, request) => HostileEndpoint.EmptyPage(context, request, Guid.NewGuid().ToString()));
        using var client = await PeerClients.CreateClientAsync(server.Endpoint);

        var error = await Assert.ThrowsAsync<RdsException>(async () => await client.DescribeAllDBInstancesAsync(new DescribeDBInstancesRequest()).ToListAsync());

        Assert.Equal("PaginationLimit", error.ErrorCode);
        Assert.Equal("DescribeDBInstances still sent a Marker after 1000 pages; stopping: no account needs that many.", error.Message);
        Assert.Equal(RdsPaginators.MaxPages, server.Requests.Count);
    }

    [Fact]
    public async Task Stopping_early_fetches_no_further_page_and_cancellation_reaches_the_call()
    {
        await using var server = await ScriptedHttpServer.StartAsync(AnswerPage);
        using var client = await PeerClients.CreateClientAsync(server.Endpoint);
        using var cancellation = new CancellationTokenSource();

        var first = await client.DescribeAllDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest { MaxRecords = 20 }).Take(3).ToListAsync();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await client.DescribeAllDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest(), cancellation.Token).ToListAsync());

        Assert.Equal(3, first.Count);
        Assert.Single(server.Requests);
    }
}
