using LabRunner.Engine.Class;
using LabRunner.Engine.Targets;
using LabRunner.Tui.Theme;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LabRunner.Tui.Class;

/// <summary>
/// The instructor's live grid. It only shows what a <see cref="ClassMonitor"/> reports: refreshes run in the
/// background and land here through <c>Invoke</c>, so the UI never waits on RDS; a failed refresh leaves the last good
/// grid up with its age. Keys: Enter a learner's reasons, / filter by name, s sort (progress, idle, name), ! stuck
/// learners only, F5 refresh now, Esc or q quit.
/// </summary>
public sealed class ClassScreen : Window
{
    public const string KeyHelp = " Enter reasons  / filter  s sort  ! stuck only  F5 refresh  ↑↓ move  Esc quit";

    private readonly IApplication app;
    private readonly ClassMonitor monitor;
    private readonly TimeProvider time;
    private readonly TimeSpan interval;
    private readonly Label header;
    private readonly Label statusLine;
    private readonly Label failureLine;
    private readonly TextField filter;
    private readonly Label viewLine;
    private readonly ClassGrid grid;
    private ClassStatus status;
    private GridView view = new();

    public ClassScreen(IApplication app, ClassMonitor monitor, string labTitle, TargetInfo target, TimeSpan interval, TimeProvider? time = null)
    {
        this.app = app;
        this.monitor = monitor;
        this.interval = interval;
        this.time = time ?? TimeProvider.System;
        status = monitor.Status;
        BorderStyle = LineStyle.None;
        header = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1, Text = ClassText.Header(labTitle, target) };
        statusLine = new Label { X = 0, Y = 1, Width = Dim.Fill(), Height = 1 };
        failureLine = new Label { X = 0, Y = 3, Width = Dim.Fill(), Height = 1 };
        var filterLabel = new Label { X = 1, Y = 2, Text = "Filter (/):" };
        filter = new TextField { X = Pos.Right(filterLabel) + 1, Y = 2, Width = 24 };
        viewLine = new Label { X = Pos.Right(filter) + 2, Y = 2, Width = Dim.Fill(), Text = view.Text };
        grid = new ClassGrid(Palette.FromEnvironment()) { X = 0, Y = 4, Width = Dim.Fill(), Height = Dim.Fill(1) };
        var keys = new Label { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Text = KeyHelp };
        Add(header, statusLine, failureLine, filterLabel, filter, viewLine, grid, keys);

        filter.TextChanged += (_, _) => ShowBoard();
        grid.LearnerActivated += ShowReasons;
        monitor.Changed += OnMonitorChanged;
        IsRunningChanged += (_, running) =>
        {
            if (running.Value)
            {
                app.Keyboard.KeyDown += OnKeyDown;
                grid.FocusRows();
            }
            else
                app.Keyboard.KeyDown -= OnKeyDown;
        };
        app.AddTimeout(TimeSpan.FromSeconds(1), () =>
        {
            ShowStatus();
            return true;
        });
        Show(status);
    }

    public ClassGrid Grid => grid;

    /// <summary>Stops listening to the monitor; call before the application is disposed.</summary>
    public void Detach() => monitor.Changed -= OnMonitorChanged;

    /// <summary>Updates arrive from several threads in any order: whenever one lands, show the monitor's latest.</summary>
    private void OnMonitorChanged(ClassStatus _)
    {
        try
        {
            app.Invoke(() => Show(monitor.Status));
        }
        catch (NotInitializedException)
        {
            // The view closed while this refresh was finishing: nothing left to show it on.
        }
    }

    private void Show(ClassStatus update)
    {
        var boardChanged = !ReferenceEquals(update.Board, status.Board) || grid.Model is null && update.Board is not null;
        status = update;
        if (boardChanged)
            ShowBoard();
        ShowStatus();
    }

    private void ShowBoard()
    {
        view = view with { Filter = filter.Text ?? "" };
        viewLine.Text = view.Text;
        if (status.Board is { } board)
            grid.Model = ClassGridModel.Of(board, view);
    }

    private void ChangeView(GridView changed)
    {
        view = changed;
        ShowBoard();
    }

    private void ShowStatus()
    {
        statusLine.Text = ClassText.Status(status, time.GetUtcNow(), interval);
        failureLine.Text = ClassText.Failure(status);
    }

    private void ShowReasons(LearnerRow row)
    {
        using var dialog = new Dialog { Title = $"{row.Learner.Key}: every step", Width = Dim.Percent(90), Height = Dim.Percent(80) };
        var text = new Label { X = 1, Y = 0, Width = Dim.Fill(1), Height = Dim.Fill(1), Text = ClassText.Reasons(row) };
        text.TextFormatter.WordWrap = true;
        dialog.Add(text);
        dialog.AddButton(new Button { Text = "_Close" });
        app.Run(dialog);
    }

    private void OnKeyDown(object? sender, Key key)
    {
        if (key.Handled || !ReferenceEquals(app.TopRunnableView, this))
            return;
        if (filter.HasFocus)
        {
            if (key == Key.Esc || key == Key.Enter || key == Key.CursorDown)
            {
                key.Handled = true;
                grid.FocusRows();
            }
            return;
        }
        if (key == Key.Enter && grid.SelectedRow is { } row)
            ShowReasons(row);
        else if (key == Key.F5)
            _ = monitor.RefreshAsync();
        else if (key == (Key)'/')
            filter.SetFocus();
        else if (key == Key.S)
            ChangeView(view.NextSort());
        else if (key == (Key)'!')
            ChangeView(view with { StuckOnly = !view.StuckOnly });
        else if (key == Key.Esc || key == Key.Q || key == Key.C.WithCtrl)
            RequestStop();
        else
            return;
        key.Handled = true;
    }
}
