using LabRunner.Tui.Hosting;
using Terminal.Gui.App;

namespace LabRunner.Tui;

/// <summary>
/// Starts the terminal UI in this terminal and restores it on every way out (<see cref="TerminalRestore"/>): q and
/// Ctrl-C (keys), SIGINT, SIGTERM and SIGHUP (screens close in order), an exception (the application is disposed on the
/// way up). Progress is saved after every change, so nothing is lost.
/// </summary>
public static class LabRunnerTui
{
    /// <summary>
    /// Main-loop iterations per second. A key read by <see cref="ResponsiveInput"/> waits for the next iteration:
    /// Terminal.Gui's default (25) lets it wait up to 40 ms, 200 at most 5 ms, and an idle iteration costs next to nothing.
    /// </summary>
    public const int IterationsPerSecond = 200;

    public static TuiResult Run(TuiOptions options)
    {
        Application.MaximumIterationsPerSecond = IterationsPerSecond;
        using var terminal = TerminalRestore.OnEveryExit();
        using IApplication app = Application.Create();
        ResponsiveInput.InstallInto(app);
        app.Init();
        options.Palette.ApplyToSchemes();
        using var flow = new TuiFlow(app, options);
        using var signals = TerminalRestore.CloseOnSignals(flow.Terminate);
        return flow.Run();
    }
}
