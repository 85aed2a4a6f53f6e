using System.Collections.Concurrent;

namespace LabRunner.TestSupport.Time;

/// <summary>
/// A clock for retry tests over real HTTP: one-shot waits up to <paramref name="threshold"/> (backoff delays) complete at once,
/// are recorded, and move this clock forward by their length, as if they had been waited; longer timers (timeouts) run on the
/// system clock. So a test sees the backoff a client asked for without sleeping through it.
/// </summary>
public sealed class SkipDelaysTimeProvider(TimeSpan threshold) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> skipped = new();
    private long skippedTicks;

    /// <summary>The waits completed at once, in the order they were asked for.</summary>
    public IReadOnlyList<TimeSpan> SkippedDelays => skipped.ToArray();

    /// <summary>Moves this clock forward, as a test's way of letting time pass between two requests.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref skippedTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref skippedTicks));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime <= TimeSpan.Zero || dueTime > threshold || period != Timeout.InfiniteTimeSpan)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }

        skipped.Enqueue(dueTime);
        Interlocked.Add(ref skippedTicks, dueTime.Ticks);
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new ElapsedTimer();
    }

    private sealed class ElapsedTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
