namespace LabRunner.TestSupport;

/// <summary>Waits for a condition that another thread makes true, or for a task, failing with what was awaited when it never comes.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        var patience = limit ?? TimeSpan.FromSeconds(10);
        using var deadline = new CancellationTokenSource(patience);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
                throw TimedOut(patience, what);
            await Task.Delay(5, CancellationToken.None);
        }
    }

    /// <summary>Waits for <paramref name="task"/> to complete within <paramref name="limit"/>; on time out the task goes on, unobserved.</summary>
    public static async Task CompletesAsync(Task task, string what, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw TimedOut(limit, what);
        }
    }

    /// <inheritdoc cref="CompletesAsync(Task, string, TimeSpan)"/>
    public static async Task<T> CompletesAsync<T>(Task<T> task, string what, TimeSpan limit)
    {
        await CompletesAsync((Task)task, what, limit);
        return await task;
    }

    private static TimeoutException TimedOut(TimeSpan patience, string what) =>
        new($"Timed out after {patience.TotalSeconds:0} s waiting until {what}.");
}
