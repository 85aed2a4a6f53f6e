namespace LabRunner.Sandbox.Http;

/// <summary>
/// The signatures of accepted header-signed requests, each kept until the time window no longer admits its request, so
/// an identical request sent again (a captured one replayed) is refused. Bounded: at <see cref="Capacity"/> the
/// signature closest to expiring is forgotten first. Thread-safe.
/// </summary>
internal sealed class ReplayCache(int capacity)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> byExpiry = new();

    public int Capacity { get; } = capacity;

    /// <summary>Records <paramref name="signature"/>; false when it was already recorded and has not expired.</summary>
    public bool TryAdmit(string signature, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        lock (gate)
        {
            while (byExpiry.TryPeek(out _, out var oldestExpiry) && oldestExpiry < now)
                seen.Remove(byExpiry.Dequeue());
            if (seen.ContainsKey(signature))
                return false;
            if (seen.Count >= Capacity)
                seen.Remove(byExpiry.Dequeue());
            seen.Add(signature, expiresAt);
            byExpiry.Enqueue(signature, expiresAt);
            return true;
        }
    }
}
