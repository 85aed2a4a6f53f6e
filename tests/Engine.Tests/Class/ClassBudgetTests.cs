using LabRunner.Engine.Checks;
using LabRunner.Engine.Class;
using LabRunner.Rds;
using LabRunner.TestSupport.Class;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Engine.Tests.Class;

/// <summary>
/// Issue 14's budget on a lab with an optional section: one refresh judges N learners in at most 3·⌈N/100⌉+3
/// requests. The optional share step reads each manual snapshot's sharing (a request each), so only a class view
/// that asks for the optional steps pays for it.
/// </summary>
public sealed class ClassBudgetTests : IAsyncLifetime
{
    private const int Learners = 150;

    private SandboxFixture sandbox = null!;
    private RdsQueryClient client = null!;

    private static int Budget => 3 * (int)Math.Ceiling(Learners / 100.0) + 3;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync(options => options with { SnapshotDuration = SeededClass.SnapshotDuration, ManualSnapshotQuota = Learners * 2 });
        client = await PeerClients.CreateClientAsync(sandbox.Uri);
        var learners = Enumerable.Range(1, Learners).Select(index => new SeededLearner($"learner{index:000}", LearnerStage.Done)).ToList();
        await ClassSeeding.SeedAsync(sandbox.Host, sandbox.Time, SeededClass.SnapshotDuration, client, SeededClass.Lab, learners);
    }

    private ClassRoom Room(bool optional) =>
        new(SeededClass.Lab, [], discover: true, new ReadOnlyRdsApi(client), CheckKinds.Default, sandbox.Time, optional: optional);

    [Fact]
    public async Task A_refresh_of_a_lab_with_an_optional_section_stays_within_the_budget()
    {
        Assert.Contains(SeededClass.Lab.Steps, step => step.Optional);

        var board = await Room(optional: false).RefreshAsync();

        Assert.Equal(Learners, board.Rows.Count);
        Assert.All(board.Rows, row => Assert.Equal(4, row.Passed));
        Assert.DoesNotContain(board.Steps, step => step.Optional);
        Assert.InRange(board.Requests, 1, Budget);
    }

    [Fact]
    public async Task Asking_for_the_optional_steps_adds_the_sharing_read_a_request_per_manual_snapshot()
    {
        var required = await Room(optional: false).RefreshAsync();

        var withOptional = await Room(optional: true).RefreshAsync();

        Assert.Equal(3, withOptional.Steps.Count(step => step.Optional));
        // The manual snapshots listed again (two pages of 100), then one DescribeDBClusterSnapshotAttributes each.
        Assert.Equal(required.Requests + 2 + Learners, withOptional.Requests);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await sandbox.DisposeAsync();
    }
}
