using LabRunner.Content.Learners;
using LabRunner.Engine.Progress;
using LabRunner.Rds.Model;
using LabRunner.TestSupport.Http;
using LabRunner.TestSupport.Peers;

namespace LabRunner.Engine.Tests.Class;

/// <summary>Telling the instructor about an acknowledgement against an endpoint that answers as AWS does without tagging permission.</summary>
public sealed class AcknowledgementTagsTests
{
    private const string Arn = "arn:aws:rds:us-east-1:123456789012:cluster:aurora-alice-cluster";

    private static readonly Learner Alice = ClassLabs.Learner("alice").Learner;

    [Theory]
    [InlineData(403, "AccessDenied", AcknowledgementDelivery.Denied)]
    [InlineData(400, "Throttling", AcknowledgementDelivery.Failed)]
    public async Task A_refused_tag_leaves_the_acknowledgement_local_and_says_why(int status, string code, AcknowledgementDelivery expected)
    {
        var actions = new List<string>();
        await using var server = await ScriptedHttpServer.StartAsync((context, request) =>
        {
            lock (actions)
                actions.Add(request.Action!);
            return request.Action == "DescribeDBClusters"
                ? RdsReplies.Success(context, "DescribeDBClusters", $"<DBClusters><DBCluster><DBClusterIdentifier>aurora-alice-cluster</DBClusterIdentifier><DBClusterArn>{Arn}</DBClusterArn></DBCluster></DBClusters>")
                : RdsReplies.Error(context, status, code, $"User: arn:aws:iam::123456789012:user/alice is not authorized to perform: rds:AddTagsToResource on resource: {Arn}");
        });
        using var client = await PeerClients.CreateClientAsync(server.Endpoint, options => options with { MaxAttempts = 1 });

        var delivery = await AcknowledgementTags.TagAsync(client, Alice, "snapshot-actions", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(expected, delivery);
        Assert.Equal(["DescribeDBClusters", "AddTagsToResource"], actions);
    }

    [Fact]
    public void The_tag_holds_the_step_and_the_time_and_reads_back()
    {
        var tag = AcknowledgementTags.For("snapshot-actions", new DateTimeOffset(2026, 11, 20, 10, 0, 5, TimeSpan.FromHours(1)));

        Assert.Equal(new Tag("labrunner:ack:snapshot-actions", "2026-11-20T09:00:05Z"), tag);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 0, 5, TimeSpan.Zero), AcknowledgementTags.Read([tag, new("labrunner:ack:x", "not a time")])["snapshot-actions"]);
    }
}
