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
    /// Main-loop iterations per second where the loop cannot wake for input (<see cref="ResponsiveInput"/> is not
    /// there): Terminal.Gui's default (25) lets a key wait up to 40 ms, 200 at most 5 ms.
    /// </summary>
    private const int IterationsPerSecond = 200;

    public static TuiResult Run(TuiOptions options)
    {
        using var terminal = TerminalRestore.OnEveryExit();
        using IApplication app = Application.Create();
        WakeOnWorkLoop? loop = null;
        if (ResponsiveInput.InstallInto(app, () => loop?.Wake()))
            loop = WakeOnWorkLoop.InstallInto(app);
        else
            Application.MaximumIterationsPerSecond = IterationsPerSecond;
        using var wakes = loop;
        app.Init();
        options.Palette.ApplyToSchemes();
        using var flow = new TuiFlow(app, options);
        using var signals = TerminalRestore.CloseOnSignals(flow.Terminate);
        return flow.Run();
    }
}
