using LabRunner.Engine.Checks;
using LabRunner.Engine.Class;
using LabRunner.Engine.Targets;
using LabRunner.Rds;
using LabRunner.TestSupport.Class;
using LabRunner.Tui.Class;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Text;

namespace LabRunner.Fronts.Tests.Class;

/// <summary>The class grid drawn headless (ANSI driver, no terminal) over a seeded sandbox, driven key by key without a main loop.</summary>
public sealed class ClassScreenTests(SeededClass seeded) : IClassFixture<SeededClass>, IAsyncLifetime
{
    private IApplication app = null!;
    private ClassMonitor monitor = null!;
    private ClassScreen screen = null!;
    private SessionToken? session;

    public Task InitializeAsync()
    {
        app = Application.Create();
        app.Init(DriverRegistry.Names.ANSI);
        // Init installs Terminal.Gui's main-loop context, which only a running main loop pumps; these tests pump by hand.
        SynchronizationContext.SetSynchronizationContext(null);
        app.Driver!.SetScreenSize(80, 24);
        var room = new ClassRoom(SeededClass.Lab, [], discover: true, new ReadOnlyRdsApi(seeded.Client), CheckKinds.Default, seeded.Sandbox.Time);
        monitor = new ClassMonitor(room, seeded.Client.Stats, seeded.Sandbox.Time);
        var target = new TargetInfo(TargetKind.Sandbox, seeded.Sandbox.Uri, "us-east-1");
        screen = new ClassScreen(app, monitor, SeededClass.Lab.Title, target, TimeSpan.FromSeconds(10), seeded.Sandbox.Time);
        session = app.Begin(screen);
        Pump(monitor.RefreshAsync());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        screen.Detach();
        if (session is not null)
            app.End(session);
        screen.Dispose();
        app.Dispose();
        SynchronizationContext.SetSynchronizationContext(null);
        await monitor.DisposeAsync();
    }

    /// <summary>
    /// Runs the UI's queue until <paramref name="work"/> is done: the screen hears of the monitor's changes through
    /// <c>Invoke</c>, which a background thread waits on until the UI thread has run it.
    /// </summary>
    private void Pump(Task work) => WaitFor(() =>
    {
        app.TimedEvents!.RunTimers();
        return work.IsCompleted;
    });

    /// <summary>Runs what background work queued for the UI thread, then draws.</summary>
    private string Screen()
    {
        app.TimedEvents!.RunTimers();
        app.LayoutAndDraw(true);
        return app.Driver!.ToString()!;
    }

    private static string[] Lines(string text) => text.Split('\n').Select(line => line.TrimEnd('\r').TrimEnd()).ToArray();

    [Fact]
    public void The_header_fits_80_columns_saying_read_only_and_naming_the_target()
    {
        var lines = Lines(Screen());

        Assert.Equal(" READ-ONLY class view · SANDBOX · Aurora backups and snapshots", lines[0]);
        Assert.Matches(@"^ refreshed \d\d:\d\d:\d\d UTC, 0 s ago · 5 learners · every 10 s · \d+ requests$", lines[1]);
    }

    [Fact]
    public void Learners_are_sorted_by_progress_under_the_summary_with_the_learner_view_glyphs()
    {
        var lines = Lines(Screen());

        var header = Array.FindIndex(lines, line => line.StartsWith(" learner ", StringComparison.Ordinal));
        Assert.True(header > 0, string.Join("\n", lines));
        Assert.StartsWith(" passed (of 5) 5", lines[header + 1]);
        Assert.Equal(["alice", "frank", "bob", "carol", "dave"], lines.Skip(header + 2).Take(5).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]));
        Assert.Contains("✓", lines[header + 2], StringComparison.Ordinal);
        Assert.Contains("◐ 0%", lines[header + 4], StringComparison.Ordinal);
        Assert.Contains(" 4/4 ", lines[header + 6], StringComparison.Ordinal);
    }

    [Fact]
    public void At_80_columns_every_step_column_is_headed_by_its_number_and_the_progress_shows()
    {
        var lines = Lines(Screen());

        var header = Array.Find(lines, line => line.StartsWith(" learner ", StringComparison.Ordinal))!;
        Assert.Matches(@"^ learner +#1 +#2 +#3 +#4 +#5 +progress +idle$", header);
        Assert.DoesNotContain("…", header, StringComparison.Ordinal);
        Assert.All(lines, line => Assert.True(line.GetColumns() <= 80, line));
    }

    [Fact]
    public void Typing_a_filter_narrows_the_grid_and_the_summary_still_counts_everyone()
    {
        Screen();
        app.InjectKey((Key)'/');
        foreach (var character in "ca")
            app.InjectKey((Key)character);

        var lines = Lines(Screen());

        var header = Array.FindIndex(lines, line => line.StartsWith(" learner ", StringComparison.Ordinal));
        Assert.StartsWith(" passed (of 5) 5", lines[header + 1]);
        Assert.StartsWith(" carol ", lines[header + 2]);
        Assert.DoesNotContain(lines, line => line.StartsWith(" alice ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_selection_stays_on_its_learner_across_a_refresh()
    {
        Screen();
        app.InjectKey(Key.CursorDown);
        app.InjectKey(Key.CursorDown);
        Assert.Equal("bob", screen.Grid.SelectedRow!.Learner.Key);

        seeded.Sandbox.Time.Advance(TimeSpan.FromSeconds(5));
        app.InjectKey(Key.F5);
        WaitFor(() => monitor.Status is { Refreshing: false, Board: { } board } && board.ReadAt == seeded.Sandbox.Time.GetUtcNow() && Screen().Length > 0);

        Assert.Equal("bob", screen.Grid.SelectedRow!.Learner.Key);
    }

    [Fact]
    public void A_failed_refresh_keeps_the_grid_and_says_how_old_it_is()
    {
        Screen();
        seeded.Sandbox.Host.Faults = new Sandbox.Http.FaultSpec(Error500: 1);
        try
        {
            seeded.Sandbox.Time.Advance(TimeSpan.FromSeconds(20));
            Pump(monitor.RefreshAsync());
        }
        finally
        {
            seeded.Sandbox.Host.Faults = Sandbox.Http.FaultSpec.None;
        }

        var lines = Lines(Screen());

        Assert.Equal(" READ-ONLY class view · SANDBOX · Aurora backups and snapshots", lines[0]);
        Assert.Matches(@"^ refreshed \d\d:\d\d:\d\d UTC, 20 s ago · 5 learners · every 10 s · \d+ requests$", lines[1]);
        Assert.StartsWith(" Filter (/):", lines[2], StringComparison.Ordinal);
        Assert.StartsWith(" REFRESH FAILED at ", lines[3], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith(" dave ", StringComparison.Ordinal));
    }

    private void WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out; the screen is:\n{Screen()}");
            Thread.Sleep(10);
        }
    }
}
