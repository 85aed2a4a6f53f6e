using System.Runtime.InteropServices;
using LabRunner.Tui.Hosting;
using Terminal.Gui.App;

namespace LabRunner.Tui;

/// <summary>Starts the terminal UI in this terminal and restores it on every way out (q, Ctrl-C, SIGTERM, an exception).</summary>
public static class LabRunnerTui
{
    public static TuiResult Run(TuiOptions options)
    {
        using IApplication app = Application.Create();
        app.Init();
        options.Palette.ApplyToSchemes();
        var flow = new TuiFlow(app, options);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
        return flow.Run();

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            flow.Terminate();
        }
    }
}
