namespace LabRunner.Rds.Tests.Client;

internal static class Eventually
{
    /// <summary>Polls a condition another thread makes true (a request reaching the server); fails after 10 s.</summary>
    public static async Task HoldsAsync(Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(5);
        }
    }
}
