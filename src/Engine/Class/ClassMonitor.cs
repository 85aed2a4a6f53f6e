using LabRunner.Rds;

namespace LabRunner.Engine.Class;

/// <summary>What a live class view shows: the last good board and how the latest refresh is going.</summary>
/// <param name="Board">The latest board read without failures; kept when a later refresh fails. Null until one succeeds.</param>
/// <param name="Failure">Why the latest refresh failed; null when it succeeded.</param>
/// <param name="Refreshing">A refresh is running.</param>
/// <param name="Throttled">RDS throttled the running refresh; the client is backing off and retrying.</param>
/// <param name="Requests">HTTP requests sent since the view started, retries included.</param>
public sealed record ClassStatus(ClassBoard? Board, string? Failure, DateTimeOffset? FailedAt, bool Refreshing, bool Throttled, long Requests)
{
    public static readonly ClassStatus Initial = new(null, null, null, false, false, 0);

    /// <summary>How old the board on show is.</summary>
    public TimeSpan? Age(DateTimeOffset now) => Board is null ? null : now - Board.ReadAt;
}

/// <summary>
/// Refreshes a class (<see cref="ClassRoom"/>, <see cref="PassClass"/>) in the background every interval and reports each change of
/// <see cref="ClassStatus"/> through <see cref="Changed"/> (raised on a background thread). Time comes from a
/// <see cref="TimeProvider"/>, so tests move a fake clock instead of waiting.
/// </summary>
public sealed class ClassMonitor : IAsyncDisposable
{
    private readonly IClassReader room;
    private readonly RdsCallStats stats;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private ClassStatus status = ClassStatus.Initial;
    private long throttlesBeforeRefresh;
    private Task? loop;

    public ClassMonitor(IClassReader room, RdsCallStats stats, TimeProvider? time = null)
    {
        this.room = room;
        this.stats = stats;
        this.time = time ?? TimeProvider.System;
        stats.AttemptCompleted += OnAttempt;
    }

    public event Action<ClassStatus>? Changed;

    /// <summary>A refresh failed in a way RDS did not cause (a defect): shown as the failure, and told here to be logged.</summary>
    public event Action<Exception>? Faulted;

    public ClassStatus Status
    {
        get
        {
            lock (gate)
                return status;
        }
    }

    /// <summary>Refreshes now, then every <paramref name="interval"/> until disposed.</summary>
    public void Start(TimeSpan interval)
    {
        if (loop is not null)
            throw new InvalidOperationException("The monitor is already running.");
        loop = Task.Run(() => RunAsync(interval, stopping.Token));
    }

    /// <summary>
    /// One refresh (waiting for a running one to finish first), on the thread pool: a UI thread that asks for it is
    /// never the one that reads and judges, whatever synchronization context it has.
    /// </summary>
    public Task<ClassStatus> RefreshAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => RefreshHereAsync(cancellationToken), cancellationToken);

    private async Task<ClassStatus> RefreshHereAsync(CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Exchange(ref throttlesBeforeRefresh, stats.Throttles);
            Update(current => current with { Refreshing = true, Throttled = false });
            Func<ClassStatus, ClassStatus> outcome;
            try
            {
                var board = await room.RefreshAsync(cancellationToken);
                outcome = current => board.Failed
                    ? Failed(current, ThrottledNote(board) + board.FailureText)
                    : current with { Board = board, Failure = null, FailedAt = null };
            }
            catch (Exception unexpected) when (unexpected is not OperationCanceledException)
            {
                Faulted?.Invoke(unexpected);
                outcome = current => Failed(current, unexpected.Message);
            }
            catch (OperationCanceledException)
            {
                Update(current => current with { Refreshing = false, Throttled = false });
                throw;
            }
            return Update(current => outcome(current) with { Refreshing = false, Throttled = false, Requests = stats.Attempts });
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        stats.AttemptCompleted -= OnAttempt;
        await stopping.CancelAsync();
        if (loop is not null)
            await loop;
        stopping.Dispose();
        oneAtATime.Dispose();
    }

    private async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await RefreshHereAsync(cancellationToken);
                await Task.Delay(interval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed: the loop ends here.
        }
    }

    private ClassStatus Failed(ClassStatus current, string failure) => current with { Failure = failure, FailedAt = time.GetUtcNow() };

    private static string ThrottledNote(ClassBoard board) =>
        board.Failures.Values.Any(failure => failure.Kind == RdsErrorKind.Throttled) ? "throttled by RDS, retries ran out: " : "";

    private void OnAttempt(RdsAttempt attempt)
    {
        var throttled = stats.Throttles > Interlocked.Read(ref throttlesBeforeRefresh);
        Update(current => current with { Requests = stats.Attempts, Throttled = current.Throttled || (current.Refreshing && throttled) });
    }

    private ClassStatus Update(Func<ClassStatus, ClassStatus> change)
    {
        ClassStatus updated;
        lock (gate)
        {
            updated = change(status);
            if (updated == status)
                return updated;
            status = updated;
        }
        Changed?.Invoke(updated);
        return updated;
    }
}
