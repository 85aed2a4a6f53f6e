namespace LabRunner.Content.Files;

/// <summary>
/// Fires <see cref="Fired"/> once things have been quiet for <see cref="Quiet"/> after the last <see cref="Poke"/>: the
/// several file events of one editor save (write, rename, touch) become one reload.
/// </summary>
public sealed class Debouncer(TimeProvider time, TimeSpan quiet) : IDisposable
{
    private readonly Lock gate = new();
    private ITimer? pending;
    private bool disposed;

    public TimeSpan Quiet => quiet;

    public event Action? Fired;

    /// <summary>Something happened: (re)starts the quiet period.</summary>
    public void Poke()
    {
        lock (gate)
        {
            if (disposed)
                return;
            pending?.Dispose();
            ITimer? timer = null;
            timer = time.CreateTimer(_ => Fire(timer!), null, quiet, Timeout.InfiniteTimeSpan);
            pending = timer;
        }
    }

    private void Fire(ITimer timer)
    {
        lock (gate)
        {
            // A timer replaced by a later poke (or stopped by Dispose) may still call back once: only the last one fires.
            if (disposed || !ReferenceEquals(pending, timer))
                return;
            pending = null;
        }
        Fired?.Invoke();
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            pending?.Dispose();
        }
    }
}
