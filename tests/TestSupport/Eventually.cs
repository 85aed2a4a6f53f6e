namespace LabRunner.TestSupport;

/// <summary>Waits for a condition that another thread makes true, failing with what was awaited when it never holds.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        var patience = limit ?? TimeSpan.FromSeconds(10);
        using var deadline = new CancellationTokenSource(patience);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
                throw new TimeoutException($"Timed out after {patience.TotalSeconds:0} s waiting until {what}.");
            await Task.Delay(5, CancellationToken.None);
        }
    }
}
