using LabRunner.Content.Loading;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Sessions;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Targets;
using LabRunner.Engine.Waiting;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Engine.Tests.Sessions;

/// <summary>Waiting for a snapshot on the sandbox, the session and the sandbox sharing one fake clock: no real sleeping.</summary>
public sealed class SandboxWaitTests : IAsyncLifetime
{
    private SandboxFixture sandbox = null!;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync(options => options with { SnapshotDuration = TimeSpan.FromMinutes(5) });
        await new SandboxRdsPeer(sandbox).SeedLearnerAsync("alice");
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task Waiting_polls_at_the_steps_interval_reporting_progress_until_the_snapshot_is_available()
    {
        var lab = LabLoader.Load(Repository.PathOf("labs", "aurora-backup")).Lab!;
        using var client = await new SandboxRdsPeer(sandbox).CreateClientAsync();
        var session = new LabSession(LabPlan.Bind(lab, TestLabs.Learner(lab, "alice")), client,
            new TargetInfo(TargetKind.Sandbox, sandbox.Uri, "us-east-1"), store: null, sandbox.Time);
        var reported = new List<StepResult>();
        var started = sandbox.Time.GetUtcNow();

        await session.PerformAsync("take-snapshot");
        var waiting = session.WaitAsync("snapshot-available", new InlineProgress<StepResult>(reported.Add));
        for (var tick = 0; tick < 1000 && !waiting.IsCompleted; tick++)
        {
            await Task.WhenAny(waiting, Task.Delay(5));
            sandbox.Time.Advance(TimeSpan.FromSeconds(5));
        }
        var result = await waiting;

        Assert.Equal(StepStatus.Passed, result.Status);
        var percents = reported.Where(report => report.Status == StepStatus.InProgress).Select(report => report.Percent!.Value).ToList();
        Assert.True(percents.Count >= 9, $"only {percents.Count} polls: {string.Join(", ", percents)}");
        Assert.Equal(percents.Order(), percents);
        Assert.Equal(StepStatus.Passed, reported[^1].Status);
        Assert.InRange(sandbox.Time.GetUtcNow() - started, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6));
    }
}
