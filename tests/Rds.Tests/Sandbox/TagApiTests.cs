using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Sandbox;

/// <summary>The tag actions at the wire: RDS's envelopes, validation and faults, and what a state file keeps.</summary>
public sealed class TagApiTests : IAsyncLifetime
{
    private const string ClusterArn = "arn:aws:rds:us-east-1:000000000000:cluster:aurora-alice-cluster";
    private SandboxFixture sandbox = null!;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync();
        sandbox.SeedCluster("aurora-alice-cluster", "aurora-alice-instance-1");
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task Adding_and_removing_answer_with_ResponseMetadata_alone_as_RDS_does()
    {
        var added = await sandbox.CallAsync("AddTagsToResource", ("ResourceName", ClusterArn), ("Tags.Tag.1.Key", "team"), ("Tags.Tag.1.Value", "blue"));
        var removed = await sandbox.CallAsync("RemoveTagsFromResource", ("ResourceName", ClusterArn), ("TagKeys.member.1", "team"));

        Assert.Equal(["ResponseMetadata"], added.Root.Elements().Select(element => element.Name.LocalName));
        Assert.Equal(["ResponseMetadata"], removed.Root.Elements().Select(element => element.Name.LocalName));
        Assert.Empty((await sandbox.CallAsync("ListTagsForResource", ("ResourceName", ClusterArn))).Members("TagList", "Tag"));
    }

    [Theory]
    [InlineData("arn:aws:rds:us-east-1:000000000000:db:ghost", "DBInstanceNotFound", 404)]
    [InlineData("arn:aws:rds:us-east-1:000000000000:cluster-snapshot:ghost", "DBClusterSnapshotNotFoundFault", 404)]
    [InlineData("arn:aws:rds:eu-west-1:000000000000:cluster:aurora-alice-cluster", "InvalidParameterValue", 400)]
    [InlineData("arn:aws:rds:us-east-1:999999999999:cluster:aurora-alice-cluster", "InvalidParameterValue", 400)]
    [InlineData("arn:aws:rds:us-east-1:000000000000:og:some-group", "InvalidParameterValue", 400)]
    [InlineData("aurora-alice-cluster", "InvalidParameterValue", 400)]
    public async Task A_name_that_is_no_resource_here_is_refused_with_RDSs_code(string resourceName, string code, int status)
    {
        var refused = await sandbox.CallAsync("ListTagsForResource", ("ResourceName", resourceName));

        Assert.Equal((code, status), (refused.ErrorCode, refused.Status));
    }

    [Theory]
    [InlineData("aws:owner", "x")]
    [InlineData("rds:owner", "x")]
    [InlineData("owner", "rds:x")]
    [InlineData("", "x")]
    [InlineData("semi;colon", "x")]
    [InlineData("owner", "<script>")]
    public async Task A_tag_RDS_would_refuse_is_refused_and_nothing_is_tagged(string key, string value)
    {
        var refused = await sandbox.CallAsync("AddTagsToResource", ("ResourceName", ClusterArn), ("Tags.Tag.1.Key", key), ("Tags.Tag.1.Value", value));

        Assert.Equal(key.Length == 0 ? "MissingParameter" : "InvalidParameterValue", refused.ErrorCode);
        Assert.Empty((await sandbox.CallAsync("ListTagsForResource", ("ResourceName", ClusterArn))).Members("TagList", "Tag"));
    }

    [Fact]
    public async Task A_resource_holds_at_most_fifty_tags()
    {
        var fifty = Enumerable.Range(1, 50).SelectMany(index => new[] { ($"Tags.Tag.{index}.Key", $"k{index}"), ($"Tags.Tag.{index}.Value", "v") });
        Assert.Null((await sandbox.CallAsync("AddTagsToResource", [("ResourceName", ClusterArn), .. fifty])).ErrorCode);

        var oneMore = await sandbox.CallAsync("AddTagsToResource", ("ResourceName", ClusterArn), ("Tags.Tag.1.Key", "k51"), ("Tags.Tag.1.Value", "v"));
        var replaced = await sandbox.CallAsync("AddTagsToResource", ("ResourceName", ClusterArn), ("Tags.Tag.1.Key", "k1"), ("Tags.Tag.1.Value", "w"));

        Assert.Equal("InvalidParameterValue", oneMore.ErrorCode);
        Assert.Null(replaced.ErrorCode);
        Assert.Equal(50, (await sandbox.CallAsync("ListTagsForResource", ("ResourceName", ClusterArn))).Members("TagList", "Tag").Count);
    }

    [Fact]
    public async Task Every_answer_names_the_sandbox_even_a_refusal()
    {
        using var described = await sandbox.Http.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "DescribeDBClusters", ["Version"] = "2014-10-31" }));
        using var refused = await sandbox.Http.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "NoSuchAction", ["Version"] = "2014-10-31" }));

        Assert.Matches("^sbx-[a-z0-9]{16}$", sandbox.Host.Identity);
        Assert.Equal([sandbox.Host.Identity], described.Headers.GetValues("x-labrunner-sandbox-id"));
        Assert.Equal([sandbox.Host.Identity], refused.Headers.GetValues("x-labrunner-sandbox-id"));
    }
}
