namespace LabRunner.Rds;

/// <summary>One HTTP attempt as it ended: a status code, or the error code of a transport failure or timeout.</summary>
public sealed record RdsAttempt(string Action, int Number, int? StatusCode, string? ErrorCode, TimeSpan Elapsed);

/// <summary>
/// What a client has sent so far, for fronts to display ("N requests") and tests to assert on.
/// Thread-safe; one instance may be shared by several clients.
/// </summary>
public sealed class RdsCallStats
{
    private long calls;
    private long attempts;
    private long retries;
    private long throttles;
    private long failedCalls;
    private long clockSkewTicks = long.MinValue;

    /// <summary>Raised after every HTTP attempt, on the thread that made it.</summary>
    public event Action<RdsAttempt>? AttemptCompleted;

    /// <summary>Logical calls (one per <see cref="IRdsApi"/> method invocation).</summary>
    public long Calls => Interlocked.Read(ref calls);

    /// <summary>HTTP requests sent, retries included.</summary>
    public long Attempts => Interlocked.Read(ref attempts);

    public long Retries => Interlocked.Read(ref retries);

    /// <summary>Attempts that RDS answered with a throttling error.</summary>
    public long Throttles => Interlocked.Read(ref throttles);

    /// <summary>Logical calls that ended in an <see cref="RdsException"/>.</summary>
    public long FailedCalls => Interlocked.Read(ref failedCalls);

    /// <summary>
    /// The endpoint's clock minus ours at the last answer that carried a <c>Date</c> header (to the second), or null
    /// before any did. AWS refuses requests signed more than 15 minutes off its clock.
    /// </summary>
    public TimeSpan? ClockSkew => Interlocked.Read(ref clockSkewTicks) is var ticks && ticks != long.MinValue ? TimeSpan.FromTicks(ticks) : null;

    internal void ServerClockSeen(TimeSpan skew) => Interlocked.Exchange(ref clockSkewTicks, skew.Ticks);

    internal void CallStarted() => Interlocked.Increment(ref calls);

    internal void CallFailed() => Interlocked.Increment(ref failedCalls);

    internal void RetryScheduled() => Interlocked.Increment(ref retries);

    internal void AttemptEnded(RdsAttempt attempt, bool throttled)
    {
        Interlocked.Increment(ref attempts);
        if (throttled)
        {
            Interlocked.Increment(ref throttles);
        }

        AttemptCompleted?.Invoke(attempt);
    }
}
