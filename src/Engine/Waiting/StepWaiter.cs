using LabRunner.Content.Model;
using LabRunner.Engine.Steps;

namespace LabRunner.Engine.Waiting;

/// <summary>
/// Polls a step at its interval until it passes, fails for good, errors, or its timeout runs out. Time comes from a
/// <see cref="TimeProvider"/>, so tests advance a fake clock instead of sleeping.
/// </summary>
public static class StepWaiter
{
    public static async Task<StepResult> WaitAsync(
        Func<CancellationToken, Task<StepResult>> check,
        WaitSpec wait,
        TimeProvider time,
        IProgress<StepResult>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var result = await check(cancellationToken);
            progress?.Report(result);
            if (IsFinal(result))
                return result;
            var remaining = wait.Timeout - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
                return result with { Reason = $"{result.Reason} (still so after waiting {Describe(wait.Timeout)})", Settled = true };
            await Task.Delay(remaining < wait.Interval ? remaining : wait.Interval, time, cancellationToken);
        }
    }

    /// <summary>Worth waiting on: in progress, or failed only because the learner may not have got there yet.</summary>
    public static bool IsFinal(StepResult result) =>
        result.Settled || result.Status is not (StepStatus.InProgress or StepStatus.Failed);

    private static string Describe(TimeSpan span) =>
        span.TotalMinutes >= 1 && span.Seconds == 0 ? $"{span.TotalMinutes:0} min" : $"{span.TotalSeconds:0} s";
}
