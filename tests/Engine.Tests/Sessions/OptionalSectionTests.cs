using LabRunner.Content.Loading;
using LabRunner.Engine.Actions;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Sessions;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Targets;
using LabRunner.Rds;
using LabRunner.Rds.Model;
using LabRunner.TestSupport.Moto;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Engine.Tests.Sessions;

/// <summary>
/// The Aurora lab's optional section end to end through a learner's session: copy, share and restore performed and
/// checked, never holding back completion, and the cleanup undoing all of it. Once per peer.
/// </summary>
public abstract class OptionalSectionScenarios : IAsyncLifetime
{
    private static readonly string[] OptionalSteps = ["copy-snapshot", "share-snapshot", "restore-snapshot"];

    private RdsQueryClient client = null!;

    protected abstract IRdsPeer Peer { get; }

    public virtual async Task InitializeAsync()
    {
        await Peer.ResetAsync();
        await Peer.SeedLearnerAsync("alice");
        client = await Peer.CreateClientAsync();
    }

    public virtual Task DisposeAsync()
    {
        client.Dispose();
        return Task.CompletedTask;
    }

    private LabSession Open()
    {
        var lab = LabLoader.Load(Repository.PathOf("labs", "aurora-backup")).Lab!;
        return new LabSession(LabPlan.Bind(lab, TestLabs.Learner(lab, "alice")), client, new TargetInfo(TargetKind.Aws, Peer.Endpoint, Peer.Region));
    }

    [PeerFact]
    public async Task The_required_steps_alone_complete_the_lab()
    {
        var session = Open();
        await session.PerformAsync("take-snapshot");
        await Peer.SettleAsync();
        await session.PerformAsync("modify-backup-window");
        session.Acknowledge("snapshot-actions");

        var results = await session.CheckAllAsync();

        Assert.All(results.Where(result => OptionalSteps.Contains(result.StepId)), result => Assert.True(result.Optional && result.Status != StepStatus.Passed));
        Assert.Null(session.FirstUnfinishedStepId);
        Assert.True(session.AllCheckedStepsPassed);
        Assert.NotNull(session.FinishedAt);
        Assert.Equal(new StepTally(4, 4, 1, 1, 0, 3), StepTally.Of(results));
    }

    [PeerFact]
    public async Task Copy_share_and_restore_are_performed_and_checked_then_cleanup_undoes_them()
    {
        var session = Open();
        await session.PerformAsync("take-snapshot");
        await Peer.SettleAsync();

        var performed = new List<ActionOutcome>();
        foreach (var step in OptionalSteps)
            performed.Add((await session.PerformAsync(step)).Outcome);
        await Peer.SettleAsync();
        var results = await session.CheckAllAsync();

        Assert.All(performed, outcome => Assert.Equal(ActionOutcomeKind.Done, outcome.Kind));
        Assert.All(results.Where(result => OptionalSteps.Contains(result.StepId)), result => Assert.Equal(StepStatus.Passed, result.Status));
        Assert.Equal("snapshot-actions", session.FirstUnfinishedStepId);
        Assert.Equal(
            ["aurora-alice-restored", "aurora-alice-restored-1", "aurora-alice-snap1", "aurora-alice-snap1-copy"],
            session.CreatedForLearner.Order(StringComparer.Ordinal));

        var cleanup = await session.CleanupAsync();

        Assert.All(cleanup, outcome => Assert.True(outcome.Succeeded, outcome.Message));
        Assert.Empty(session.CreatedForLearner);
        var clusters = await client.DescribeAllDBClustersAsync(new DescribeDBClustersRequest()).Select(cluster => cluster.DBClusterIdentifier).ToListAsync();
        var manual = await client.DescribeAllDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest { SnapshotType = "manual" }).ToListAsync();
        Assert.Equal(["aurora-alice-cluster"], clusters);
        Assert.Empty(manual);
    }
}

public sealed class OptionalSectionOnSandboxTests : OptionalSectionScenarios
{
    private SandboxFixture sandbox = null!;
    private IRdsPeer peer = null!;

    protected override IRdsPeer Peer => peer;

    public override async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync();
        peer = new SandboxRdsPeer(sandbox);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await sandbox.DisposeAsync();
    }
}

[Collection("moto")]
[NeedsPeers(RealPeer.Moto)]
public sealed class OptionalSectionOnMotoTests(MotoServer moto) : OptionalSectionScenarios
{
    protected override IRdsPeer Peer { get; } = new MotoRdsPeer(moto);
}
