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

    /// <summary>
    /// The identity of the LabRunner sandbox answering (the <c>x-labrunner-sandbox-id</c> header of its last answer), which
    /// stays the same whatever address it listens on; null for any other endpoint (RDS, moto), or before an answer.
    /// </summary>
    public string? SandboxId => Volatile.Read(ref sandboxId);

    internal const string SandboxIdHeader = "x-labrunner-sandbox-id";

    private string? sandboxId;

    /// <summary>Takes the identity an answer names, if it looks like one: a header is outside input, and the identity names a folder.</summary>
    internal void SandboxIdSeen(string? id)
    {
        if (id is { Length: > 0 and <= 64 } && id.All(character => char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character) || character == '-'))
            Volatile.Write(ref sandboxId, id);
    }

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
