using Terminal.Gui.App;

namespace LabRunner.Tui.Hosting;

/// <summary>
/// Terminal.Gui 2.5 paces its main loop by sleeping a fixed slice after every iteration, so a key read early in a slice
/// waits for its end, and the sleep (a timer plus a spinning wait, hundreds of times a second) costs CPU of its own.
/// This loop instead waits at the start of each iteration until there is work: input queued (signalled by
/// <see cref="ResponsiveInput"/>), a timeout or an <c>Invoke</c> added from any thread, a timer coming due, or
/// <see cref="Idle"/> passed, within which a terminal resize or an Esc held by the key parser is still noticed.
/// Before waiting, it collects the youngest generation once the screen has allocated <see cref="CollectAfter"/> since
/// the last collection (below the runtime's own 6 MiB budget): the garbage of drawing is then collected while nothing
/// happens rather than in the middle of the next keystroke's redraw.
/// </summary>
public sealed class WakeOnWorkLoop : IDisposable
{
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(20);
    private const long CollectAfter = 4 * 1024 * 1024;

    private readonly IApplication app;
    private readonly ITimedEvents? timers;
    private readonly ManualResetEventSlim work = new(initialState: false);
    private long allocatedAtLastCollection;
    private int collections;

    private WakeOnWorkLoop(IApplication app)
    {
        this.app = app;
        timers = app.TimedEvents;
        app.Iteration += WaitForWork;
        timers?.Added += OnTimeoutAdded;
    }

    /// <summary>
    /// Paces <paramref name="app"/> (created, not yet initialised) by its work. Terminal.Gui's own slice is made zero
    /// (it is a process-wide setting: one application runs at a time).
    /// </summary>
    public static WakeOnWorkLoop InstallInto(IApplication app)
    {
        Application.MaximumIterationsPerSecond = ushort.MaxValue;
        return new WakeOnWorkLoop(app);
    }

    /// <summary>Ends the current wait (any thread): there is work for the next iteration.</summary>
    public void Wake() => work.Set();

    private void OnTimeoutAdded(object? sender, TimeoutEventArgs added) => work.Set();

    private void WaitForWork(object? sender, EventArgs<IApplication?> iteration)
    {
        if (!work.IsSet)
            CollectWhileIdle();
        var wait = Idle;
        if (timers is TimedEvents due && due.CheckTimers(out var untilNextTimer))
            wait = TimeSpan.FromMilliseconds(Math.Min(untilNextTimer, Idle.TotalMilliseconds));
        work.Wait(wait);
        work.Reset();
    }

    private void CollectWhileIdle()
    {
        var allocated = GC.GetTotalAllocatedBytes();
        if (GC.CollectionCount(0) != collections)
            allocatedAtLastCollection = allocated;
        else if (allocated - allocatedAtLastCollection > CollectAfter)
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        collections = GC.CollectionCount(0);
    }

    public void Dispose()
    {
        app.Iteration -= WaitForWork;
        timers?.Added -= OnTimeoutAdded;
        Application.MaximumIterationsPerSecond = Application.DefaultMaximumIterationsPerSecond;
        work.Dispose();
    }
}
