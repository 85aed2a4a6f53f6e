using LabRunner.Content.Files;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Time;
using Microsoft.Extensions.Time.Testing;

namespace LabRunner.Content.Tests.Files;

public sealed class LabWatcherTests : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private readonly FakeTimeProvider clock = new();
    private readonly TempDirectory folder = new();

    [Fact]
    public void A_burst_of_pokes_fires_once_a_quiet_period_after_the_last()
    {
        using var debouncer = new Debouncer(clock, Quiet);
        var fired = 0;
        debouncer.Fired += () => fired++;

        debouncer.Poke();
        clock.Advance(TimeSpan.FromMilliseconds(200));
        debouncer.Poke();
        clock.Advance(TimeSpan.FromMilliseconds(299));
        var beforeQuiet = fired;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal((0, 1), (beforeQuiet, fired));
    }

    [Fact]
    public void Nothing_fires_after_dispose()
    {
        var debouncer = new Debouncer(clock, Quiet);
        var fired = 0;
        debouncer.Fired += () => fired++;

        debouncer.Poke();
        debouncer.Dispose();
        debouncer.Poke();
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, fired);
    }

    [Fact]
    public async Task Saving_a_file_in_the_lab_folder_is_reported_once_the_saves_are_over()
    {
        var signalling = new TimerSignallingClock(clock);
        using var watcher = new LabWatcher(folder.Path, signalling, Quiet);
        var changed = new TaskCompletionSource();
        watcher.Changed += () => changed.TrySetResult();

        folder.Write("pages/step.md", "# Step\n");
        await signalling.TimerStartedAsync("the watcher's quiet period after the save");
        Assert.False(changed.Task.IsCompleted);
        clock.Advance(Quiet);

        await Eventually.HoldsAsync(() => changed.Task.IsCompleted, "the change reported");
    }

    public void Dispose() => folder.Dispose();
}
