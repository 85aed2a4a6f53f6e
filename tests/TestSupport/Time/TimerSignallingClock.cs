using Microsoft.Extensions.Time.Testing;

namespace LabRunner.TestSupport.Time;

/// <summary>
/// Reads and waits on <paramref name="clock"/>, and counts the timers started on it, so a test moves the fake clock only
/// once the code under test is waiting on it: driven by the fake clock alone, however slow the machine.
/// </summary>
public sealed class TimerSignallingClock(FakeTimeProvider clock) : TimeProvider
{
    private readonly SemaphoreSlim timersStarted = new(0);
    private readonly System.Collections.Concurrent.ConcurrentQueue<TimeSpan> dueTimes = new();

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override long GetTimestamp() => clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = clock.CreateTimer(callback, state, dueTime, period);
        dueTimes.Enqueue(dueTime);
        timersStarted.Release();
        return timer;
    }

    /// <summary>Waits until the code under test has started a timer (one not yet waited for here); returns when it is due.</summary>
    public async Task<TimeSpan> TimerStartedAsync(string what)
    {
        if (!await timersStarted.WaitAsync(TimeSpan.FromSeconds(30)))
            throw new TimeoutException($"Timed out after 30 s waiting until {what} waits on the clock.");
        dueTimes.TryDequeue(out var due);
        return due;
    }
}
