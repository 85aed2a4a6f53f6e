using LabRunner.Engine.Targets;
using LabRunner.Tui.Theme;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LabRunner.Tui.Widgets;

/// <summary>A screen shown while something the next screen needs is still on its way (the sandbox starting, a lab loading).</summary>
public sealed class WaitScreen : Screen
{
    private readonly Task task;

    private WaitScreen(IApplication app, Palette palette, TargetKind kind, string title, string message, Task task, Action? whenFailed)
        : base(app)
    {
        this.task = task;
        var header = new HeaderBar(palette, kind) { Heading = title };
        var spinner = new SpinnerView { X = Pos.Center() - message.Length / 2 - 2, Y = Pos.Center(), AutoSpin = true };
        var text = new Label { X = Pos.Right(spinner) + 1, Y = Pos.Center(), Text = message };
        Add(header, spinner, text);
        Bind(Quit, 'q');
        IsRunningChanged += (_, running) =>
        {
            if (running.Value)
                App.AddTimeout(TimeSpan.FromMilliseconds(30), () =>
                {
                    if (!task.IsCompleted)
                        return true;
                    // Asked over this screen, so the learner sees what failed to open rather than a blank terminal.
                    if (!task.IsCompletedSuccessfully)
                        whenFailed?.Invoke();
                    RequestStop();
                    return false;
                });
        };
    }

    /// <summary>True when the learner left (q or Ctrl-C) before the task finished.</summary>
    public bool Abandoned { get; private set; }

    protected override void Quit()
    {
        Abandoned = !task.IsCompleted;
        RequestStop();
    }

    /// <summary>Waits for <paramref name="task"/> with a message on screen; false when the learner left first.</summary>
    /// <param name="whenFailed">Runs over this screen when the task fails (a dialog saying why).</param>
    public static bool Until(IApplication app, Palette palette, TargetKind kind, string title, string message, Task task, Action? whenFailed = null)
    {
        if (task.IsCompleted && (task.IsCompletedSuccessfully || whenFailed is null))
            return true;
        using var screen = new WaitScreen(app, palette, kind, title, message, task, whenFailed);
        app.Run(screen);
        return !screen.Abandoned;
    }
}
