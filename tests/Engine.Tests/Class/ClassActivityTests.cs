using LabRunner.Engine.Checks;
using LabRunner.Engine.Class;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Progress;
using LabRunner.Engine.Sessions;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Targets;
using LabRunner.Rds;
using LabRunner.Rds.Model;
using LabRunner.Sandbox;
using LabRunner.TestSupport.Class;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace LabRunner.Engine.Tests.Class;

/// <summary>Acknowledgements that reach the class view through tags, last activity and stuck, on a fake clock.</summary>
public sealed class ClassActivityTests(SeededClass seeded) : IClassFixture<SeededClass>
{
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(10);

    private ClassRoom Room() =>
        new(SeededClass.Lab, [], discover: true, new ReadOnlyRdsApi(seeded.Client), CheckKinds.Default, seeded.Sandbox.Time, StuckAfter);

    private static LearnerRow Row(ClassBoard board, string learner) => board.Rows.Single(row => row.Learner.Key == learner);

    [Fact]
    public async Task A_manual_step_acknowledged_by_the_learner_shows_acknowledged_in_the_class_and_a_change_ends_stuck()
    {
        var room = Room();
        await room.RefreshAsync();
        seeded.Sandbox.Time.Advance(StuckAfter + TimeSpan.FromMinutes(1));

        var quiet = await room.RefreshAsync();
        Assert.True(Row(quiet, "alice").Activity.Stuck);
        Assert.Equal(StepStatus.Manual, Row(quiet, "alice").Results.Single(result => result.StepId == "snapshot-actions").Status);
        // bob's snapshot finished meanwhile: the view saw him change, now.
        Assert.Equal((quiet.ReadAt, false), (Row(quiet, "bob").Activity.LastActivity, Row(quiet, "bob").Activity.Stuck));

        var alice = ClassSeeding.Session(seeded.Sandbox.Host, seeded.Client, SeededClass.Lab, "alice", seeded.Sandbox.Time);
        var acknowledged = alice.Acknowledge("snapshot-actions");
        Assert.Equal(AcknowledgementDelivery.Tagged, await alice.ShareAcknowledgementAsync(acknowledged));

        var after = await room.RefreshAsync();
        var row = Row(after, "alice");
        Assert.Equal(StepStatus.Acknowledged, row.Results.Single(result => result.StepId == "snapshot-actions").Status);
        Assert.Equal(TruncatedToSeconds(acknowledged.At!.Value), row.Activity.Acknowledged["snapshot-actions"]);
        Assert.Equal(after.ReadAt, row.Activity.LastActivity);
        Assert.False(row.Activity.Stuck);
    }

    [Fact]
    public void A_learner_with_every_required_step_done_is_finished_whatever_their_optional_steps()
    {
        StepResult[] required = [new("find-cluster", StepStatus.Passed, ""), new("snapshot-actions", StepStatus.Acknowledged, "")];
        var optionalNotDone = new StepResult("copy-snapshot", StepStatus.Failed, "") { Optional = true };

        Assert.True(LearnerActivity.Finished([.. required, optionalNotDone]));
        Assert.False(LearnerActivity.Finished([required[0], new("snapshot-actions", StepStatus.Manual, ""), optionalNotDone]));
    }

    [Fact]
    public async Task Tags_that_are_not_acknowledgements_are_ignored()
    {
        var arn = (await seeded.Client.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = "aurora-carol-cluster" })).DBClusters[0].DBClusterArn!;
        await seeded.Client.AddTagsToResourceAsync(new AddTagsToResourceRequest(arn, [new("labrunner:ack:snapshot-actions", "yesterday"), new("team", "blue")]));

        var board = await Room().RefreshAsync();

        Assert.Empty(Row(board, "carol").Activity.Acknowledged);
        Assert.Equal(StepStatus.Manual, Row(board, "carol").Results.Single(result => result.StepId == "snapshot-actions").Status);
    }

    private static DateTimeOffset TruncatedToSeconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
}

/// <summary>A class sandbox restarted on another port is the same sandbox: progress and acknowledgements are kept against its identity.</summary>
public sealed class SandboxRestartTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task A_restart_on_another_port_keeps_progress_acknowledgements_and_the_class_view()
    {
        var time = new FakeTimeProvider(SandboxFixture.Epoch);
        var plan = PlanBinding.Bind(SeededClass.Lab, new Dictionary<string, string> { ["yourname"] = "alice" }).Plan!;
        var (firstEndpoint, firstKey, firstBoard) = await RunAsync(time, plan, firstRun: true);
        var (secondEndpoint, secondKey, secondBoard) = await RunAsync(time, plan, firstRun: false);

        Assert.NotEqual(firstEndpoint.Port, secondEndpoint.Port);
        Assert.Equal(firstKey, secondKey);
        Assert.StartsWith("sbx-", firstKey, StringComparison.Ordinal);
        Assert.Equal(firstBoard, secondBoard);
    }

    /// <summary>Serves the state file on a free port; the first run checks, acknowledges and tags; both return what the class view and alice's session show.</summary>
    private async Task<(Uri Endpoint, string ProgressKey, string Board)> RunAsync(FakeTimeProvider time, LabPlan plan, bool firstRun)
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { StateFile = Path.Combine(data.Path, "state.json"), Port = 0, TimeProvider = time });
        sandbox.Seed(Fixtures.Of(plan));
        using var client = await PeerClients.CreateClientAsync(sandbox.Uri);
        await client.DescribeDBClustersAsync(new DescribeDBClustersRequest());
        var target = new TargetInfo(TargetKind.Aws, sandbox.Uri, "us-east-1", SandboxId: client.Stats.SandboxId);
        var session = new LabSession(plan, client, target, new ProgressStore(data.Path, time), time);
        if (firstRun)
        {
            await session.CheckAllAsync();
            Assert.Equal(AcknowledgementDelivery.Tagged, await session.ShareAcknowledgementAsync(session.Acknowledge("snapshot-actions")));
        }
        Assert.Equal(StepStatus.Acknowledged, session.ResultOf("snapshot-actions").Status);
        Assert.Equal(StepStatus.Passed, session.ResultOf("find-cluster").Status);
        var board = await new ClassRoom(SeededClass.Lab, [], discover: true, new ReadOnlyRdsApi(client), CheckKinds.Default, time).RefreshAsync();
        var text = string.Join("\n", board.Rows.Select(row =>
            $"{row.Learner.Key} {string.Join(",", row.Results.Select(result => result.Status))} {string.Join(",", row.Activity.Acknowledged)} {row.Activity.LastActivity:O} {row.Activity.Stuck}"));
        return (sandbox.Uri, target.ProgressKey, text);
    }
}
