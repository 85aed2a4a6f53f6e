using LabRunner.Rds.Model;
using LabRunner.TestSupport.Http;
using LabRunner.TestSupport.Peers;

namespace LabRunner.Rds.Tests.Client;

/// <summary>Answers too large to hold: bodies past 16 MiB (announced or chunked) and values past 16 KiB fail with a message, once, without holding them.</summary>
public sealed class OversizedResponseTests
{
    [Theory]
    [InlineData(false, "with a body of 52,428,800 bytes, more than the 16 MiB LabRunner reads")]
    [InlineData(true, "with a body larger than the 16 MiB LabRunner reads")]
    public async Task A_50_MB_body_is_refused_after_at_most_16_MiB_and_not_retried(bool chunked, string says)
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => HostileEndpoint.LargeBodyAsync(context, chunked));
        using var client = await PeerClients.CreateClientAsync(server.Endpoint);

        var error = await Assert.ThrowsAsync<RdsException>(() => client.DescribeDBClustersAsync(new DescribeDBClustersRequest()));

        Assert.Equal("ResponseTooLarge", error.ErrorCode);
        Assert.Equal(RdsErrorKind.Service, error.Kind);
        Assert.Equal($"{server.Endpoint} answered DescribeDBClusters (HTTP 200) {says}; is this endpoint RDS?", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_10_MB_identifier_is_a_malformed_response_naming_the_field()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, request) =>
            HostileEndpoint.Resources(context, request, status: "available", member: new string('a', HostileEndpoint.LargeValueChars)));
        using var client = await PeerClients.CreateClientAsync(server.Endpoint);

        var error = await Assert.ThrowsAsync<RdsException>(() => client.DescribeDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest()));

        Assert.Equal("MalformedResponse", error.ErrorCode);
        Assert.EndsWith("<DBClusterSnapshot><DBClusterIdentifier> holds 10,485,760 characters, more than the 16,384 any RDS value has.", error.Message);
    }

    [Fact]
    public async Task An_error_whose_message_is_too_long_is_a_malformed_response_not_a_crash()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) =>
            RdsReplies.Error(context, 400, "InvalidParameterValue", new string('x', 20_000)));
        using var client = await PeerClients.CreateClientAsync(server.Endpoint);

        var error = await Assert.ThrowsAsync<RdsException>(() => client.DescribeDBClustersAsync(new DescribeDBClustersRequest()));

        Assert.Equal("MalformedResponse", error.ErrorCode);
        Assert.EndsWith("<Error><Message> holds 20,000 characters, more than the 16,384 any RDS value has.", error.Message);
    }

    [Fact]
    public async Task A_body_just_under_the_bound_is_read()
    {
        var padding = new string(' ', 15 * 1024 * 1024);
        await using var server = await ScriptedHttpServer.StartAsync((context, _) =>
            RdsReplies.Success(context, "DescribeDBClusters", $"<DBClusters>{padding}<DBCluster><DBClusterIdentifier>aurora-alice-cluster</DBClusterIdentifier></DBCluster></DBClusters>"));
        using var client = await PeerClients.CreateClientAsync(server.Endpoint);

        var response = await client.DescribeDBClustersAsync(new DescribeDBClustersRequest());

        Assert.Equal("aurora-alice-cluster", Assert.Single(response.DBClusters).DBClusterIdentifier);
    }
}
