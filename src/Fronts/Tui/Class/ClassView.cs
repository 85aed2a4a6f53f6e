using LabRunner.Engine.Class;
using LabRunner.Engine.Targets;
using LabRunner.Tui.Hosting;
using Terminal.Gui.App;

namespace LabRunner.Tui.Class;

/// <summary>Runs the class grid full screen until the instructor quits; refreshes every <c>interval</c> meanwhile.</summary>
public static class ClassView
{
    public static async Task RunAsync(ClassMonitor monitor, string labTitle, TargetInfo target, TimeSpan interval)
    {
        using (var terminal = TerminalRestore.OnEveryExit())
        using (var app = Application.Create())
        {
            app.Init();
            using var signals = TerminalRestore.CloseOnSignals(() => app.Invoke(() => app.RequestStop()));
            var screen = new ClassScreen(app, monitor, labTitle, target, interval);
            monitor.Start(interval);
            try
            {
                app.Run(screen);
            }
            finally
            {
                screen.Detach();
                screen.Dispose();
            }
        }
        await monitor.DisposeAsync();
    }
}
