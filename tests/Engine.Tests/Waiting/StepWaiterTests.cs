using LabRunner.Content.Model;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Waiting;
using Microsoft.Extensions.Time.Testing;

namespace LabRunner.Engine.Tests.Waiting;

public class StepWaiterTests
{
    private static readonly WaitSpec Wait = new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5), new SourceSpan("lab.yaml", 1, 1));

    private static StepResult Creating(int percent) => new("s", StepStatus.InProgress, $"creating ({percent} %)", percent, Settled: false);

    /// <summary>Runs a wait whose checks return <paramref name="script"/> in turn, advancing the fake clock whenever the waiter sleeps.</summary>
    private static async Task<(StepResult Result, List<StepResult> Reported, TimeSpan Elapsed)> RunAsync(Func<int, StepResult> script, CancellationToken cancellationToken = default)
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var reported = new List<StepResult>();
        var calls = 0;
        var waiting = StepWaiter.WaitAsync(_ => Task.FromResult(script(calls++)), Wait, time, new InlineProgress<StepResult>(reported.Add), cancellationToken);
        while (!waiting.IsCompleted)
            time.Advance(TimeSpan.FromSeconds(1));
        return (await waiting, reported, time.GetUtcNow() - start);
    }

    [Fact]
    public async Task Polls_at_the_interval_until_passed_reporting_each_result()
    {
        var (result, reported, elapsed) = await RunAsync(call => call < 3 ? Creating(call * 30) : new StepResult("s", StepStatus.Passed, "available"));

        Assert.Equal(StepStatus.Passed, result.Status);
        Assert.Equal([0, 30, 60, null], reported.Select(report => report.Percent));
        Assert.Equal(TimeSpan.FromSeconds(15), elapsed);
    }

    [Fact]
    public async Task Stops_at_once_on_a_failure_for_good()
    {
        var (result, reported, _) = await RunAsync(_ => new StepResult("s", StepStatus.Failed, "snapshot is failed"));

        Assert.Equal("snapshot is failed", result.Reason);
        Assert.Single(reported);
    }

    [Fact]
    public async Task Keeps_waiting_while_the_resource_is_not_there_yet()
    {
        var (result, reported, _) = await RunAsync(call => call < 2
            ? new StepResult("s", StepStatus.Failed, "snapshot not found", Settled: false)
            : new StepResult("s", StepStatus.Passed, "available"));

        Assert.Equal(StepStatus.Passed, result.Status);
        Assert.Equal(3, reported.Count);
    }

    [Fact]
    public async Task Gives_up_at_the_timeout_saying_so()
    {
        var (result, reported, elapsed) = await RunAsync(_ => Creating(10));

        Assert.Equal(StepStatus.InProgress, result.Status);
        Assert.Equal("creating (10 %) (still so after waiting 1 min)", result.Reason);
        Assert.True(result.Settled);
        Assert.Equal(13, reported.Count);
        Assert.Equal(TimeSpan.FromSeconds(60), elapsed);
    }

    [Fact]
    public async Task Can_be_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var time = new FakeTimeProvider();
        var waiting = StepWaiter.WaitAsync(_ => Task.FromResult(Creating(1)), Wait, time, cancellationToken: cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
