using LabRunner.Engine.Actions;
using LabRunner.Engine.Specs;
using LabRunner.Engine.Targets;

namespace LabRunner.Engine.Tests.Actions;

public class AwsCliCommandTests
{
    private static readonly TargetInfo Sandbox = new(TargetKind.Sandbox, new Uri("http://127.0.0.1:40123/"), "us-east-1");
    private static readonly TargetInfo Aws = new(TargetKind.Aws, new Uri("https://rds.eu-west-1.amazonaws.com/"), "eu-west-1", "workshop");

    [Fact]
    public void Creating_a_snapshot_on_the_sandbox_names_its_endpoint()
    {
        var command = new CreateDbClusterSnapshotAction("aurora-alice-snap1", "aurora-alice-cluster").CliCommand.Render(Sandbox);

        Assert.Equal("aws rds create-db-cluster-snapshot --db-cluster-snapshot-identifier aurora-alice-snap1 --db-cluster-identifier aurora-alice-cluster --endpoint-url http://127.0.0.1:40123 --region us-east-1", command);
    }

    [Fact]
    public void Modifying_on_AWS_names_region_and_profile_but_no_endpoint()
    {
        Assert.True(TimeWindow.TryParse("05:00-05:45", out var window, out _));
        var command = new ModifyDbClusterAction("aurora-alice-cluster", window, 7, true).CliCommand.Render(Aws);

        Assert.Equal("aws rds modify-db-cluster --db-cluster-identifier aurora-alice-cluster --preferred-backup-window 05:00-05:45 --backup-retention-period 7 --apply-immediately --region eu-west-1 --profile workshop", command);
    }

    [Fact]
    public void Values_a_shell_would_split_are_quoted()
    {
        var command = new AwsCliCommand("x", [new("--name", "it's a test")]).Render(Aws);

        Assert.Equal("aws rds x --name 'it'\\''s a test' --region eu-west-1 --profile workshop", command);
    }

    [Fact]
    public void The_target_says_which_it_is()
    {
        Assert.Equal("SANDBOX (local practice, built into LabRunner)", Sandbox.Description);
        Assert.Equal("AWS eu-west-1 profile workshop (https://rds.eu-west-1.amazonaws.com/)", Aws.Description);
        Assert.Equal("sandbox", Sandbox.ProgressKey);
        Assert.Equal("aws-eu-west-1-workshop", Aws.ProgressKey);
    }

    [Theory]
    [InlineData(null, null, null, TargetKind.Sandbox)]
    [InlineData(null, "http://127.0.0.1:5000", null, TargetKind.Aws)]
    [InlineData(null, null, "workshop", TargetKind.Aws)]
    [InlineData(TargetKind.Aws, null, null, TargetKind.Aws)]
    public void The_sandbox_is_the_default_and_an_endpoint_or_profile_means_AWS(TargetKind? kind, string? endpoint, string? profile, TargetKind expected)
    {
        var options = new TargetOptions(kind, endpoint is null ? null : new Uri(endpoint), profile);

        Assert.Equal(expected, options.ResolvedKind);
        Assert.Null(options.Problem);
    }

    [Fact]
    public void The_sandbox_with_an_endpoint_is_a_contradiction()
    {
        Assert.NotNull(new TargetOptions(TargetKind.Sandbox, new Uri("http://127.0.0.1:1")).Problem);
    }
}
