using System.Runtime.InteropServices;
using LabRunner.Tui.Hosting;
using Terminal.Gui.App;

namespace LabRunner.Tui;

/// <summary>
/// Starts the terminal UI in this terminal and restores it on every way out: q and Ctrl-C (keys), SIGTERM (screens
/// close in order), an exception (the application is disposed on the way up). A hang-up (SIGHUP: the terminal is
/// gone) keeps its default of ending the process at once; progress is saved after every change, so nothing is lost.
/// </summary>
public static class LabRunnerTui
{
    /// <summary>How long SIGTERM waits for the screens to close before the process exits regardless.</summary>
    private static readonly TimeSpan TerminateGrace = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Main-loop iterations per second. Terminal.Gui's default (25) lets a key wait up to 40 ms before it is even
    /// read; at 100 it waits at most 10 ms, and an idle iteration costs next to nothing.
    /// </summary>
    public const int IterationsPerSecond = 100;

    public static TuiResult Run(TuiOptions options)
    {
        Application.MaximumIterationsPerSecond = IterationsPerSecond;
        using IApplication app = Application.Create();
        app.Init();
        options.Palette.ApplyToSchemes();
        var flow = new TuiFlow(app, options);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            flow.Terminate();
            _ = new Timer(_ => Environment.Exit(128 + 15), null, TerminateGrace, System.Threading.Timeout.InfiniteTimeSpan);
        });
        return flow.Run();
    }
}
