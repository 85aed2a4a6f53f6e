using LabRunner.Content.Loading;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Sessions;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Targets;
using LabRunner.Engine.Waiting;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;
using LabRunner.TestSupport.Time;

namespace LabRunner.Engine.Tests.Sessions;

/// <summary>Waiting for a snapshot on the sandbox, the session and the sandbox sharing one fake clock: no real sleeping.</summary>
public sealed class SandboxWaitTests : IAsyncLifetime
{
    private SandboxFixture sandbox = null!;
    private TimerSignallingClock clock = null!;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync(options => options with { SnapshotDuration = TimeSpan.FromMinutes(5) });
        clock = new TimerSignallingClock(sandbox.Time);
        await new SandboxRdsPeer(sandbox).SeedLearnerAsync("alice");
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task A_front_may_poll_more_often_than_the_step_asks_and_the_step_still_settles()
    {
        using var client = await new SandboxRdsPeer(sandbox).CreateClientAsync();
        var session = Session(client);
        var reported = new List<StepResult>();

        await session.PerformAsync("take-snapshot");
        var waiting = session.WaitAsync("snapshot-available", new InlineProgress<StepResult>(reported.Add), interval: TimeSpan.FromSeconds(5));
        await AdvanceUntilAsync(waiting);

        Assert.Equal(StepStatus.Passed, (await waiting).Status);
        // Five minutes at 5 s: sixty polls while creating, where the lab's 30 s interval makes ten.
        Assert.InRange(reported.Count(report => report.Status == StepStatus.InProgress), 59, 61);
    }

    [Fact]
    public async Task The_lab_is_finished_when_its_last_step_is_first_done()
    {
        using var client = await new SandboxRdsPeer(sandbox).CreateClientAsync();
        var session = Session(client);

        await session.PerformAsync("take-snapshot");
        sandbox.Time.Advance(TimeSpan.FromMinutes(6));
        session.Acknowledge("snapshot-actions");
        await session.CheckAllAsync();
        Assert.Null(session.FinishedAt);

        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        var lastDone = sandbox.Time.GetUtcNow();
        await session.PerformAsync("modify-backup-window");
        await session.CheckAllAsync();
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        await session.CheckAllAsync();

        Assert.Equal(lastDone, session.FinishedAt);
    }

    [Fact]
    public async Task Waiting_polls_at_the_steps_interval_reporting_progress_until_the_snapshot_is_available()
    {
        using var client = await new SandboxRdsPeer(sandbox).CreateClientAsync();
        var session = Session(client);
        var reported = new List<StepResult>();
        var started = sandbox.Time.GetUtcNow();

        await session.PerformAsync("take-snapshot");
        var waiting = session.WaitAsync("snapshot-available", new InlineProgress<StepResult>(reported.Add));
        await AdvanceUntilAsync(waiting);
        var result = await waiting;

        Assert.Equal(StepStatus.Passed, result.Status);
        var percents = reported.Where(report => report.Status == StepStatus.InProgress).Select(report => report.Percent!.Value).ToList();
        Assert.True(percents.Count >= 9, $"only {percents.Count} polls: {string.Join(", ", percents)}");
        Assert.Equal(percents.Order(), percents);
        Assert.Equal(StepStatus.Passed, reported[^1].Status);
        Assert.InRange(sandbox.Time.GetUtcNow() - started, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6));
    }

    private LabSession Session(LabRunner.Rds.IRdsApi client)
    {
        var lab = LabLoader.Load(Repository.PathOf("labs", "aurora-backup")).Lab!;
        return new LabSession(LabPlan.Bind(lab, TestLabs.Learner(lab, "alice")), client,
            new TargetInfo(TargetKind.Sandbox, sandbox.Uri, "us-east-1"), store: null, clock);
    }

    /// <summary>Each time the session waits on the shared clock, moves the clock to when that wait is due, until <paramref name="waiting"/> ends.</summary>
    private async Task AdvanceUntilAsync(Task waiting)
    {
        while (!waiting.IsCompleted)
        {
            var timerStarted = clock.TimerStartedAsync("the wait");
            if (await Task.WhenAny(waiting, timerStarted) == waiting)
                return;
            sandbox.Time.Advance(await timerStarted);
        }
    }
}
