using LabRunner.Engine.Sessions;
using LabRunner.Tui.Pages;
using LabRunner.Tui.Running;
using LabRunner.Tui.Screens.Main;
using LabRunner.Tui.Theme;
using LabRunner.Tui.Widgets;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using MarkdownView = Terminal.Gui.Views.Markdown;

namespace LabRunner.Tui.Screens.Recap;

public enum RecapExit
{
    Quit,
    /// <summary>Back to the steps.</summary>
    Steps,
}

/// <summary>The end of the lab: the recap page and a summary (steps passed, time taken, what was created, the cleanup key).</summary>
public sealed class RecapScreen : Screen
{
    private readonly LabSession session;
    private readonly StepRunner runner;
    private readonly Label summary;
    private readonly NoticeLine noticeLine;

    public RecapScreen(IApplication app, LabSession session, StepRunner runner, Palette palette, PageLibrary? pages)
        : base(app)
    {
        this.session = session;
        this.runner = runner;
        var header = new HeaderBar(palette, session.Target.Kind) { Heading = session.Lab.Title, Learner = session.Learner.Key, Target = session.Target };
        var summaryLines = RecapSummary.Of(session).Lines();
        var summaryFrame = new FrameView { X = 0, Y = Pos.AnchorEnd(summaryLines.Count + 4), Width = Dim.Fill(), Height = summaryLines.Count + 2, Title = "Well done", BorderStyle = LineStyle.Rounded };
        summary = new Label { X = 1, Y = 0, HotKeySpecifier = PlainText.NoHotKey, Width = Dim.Fill(1), Height = Dim.Fill(), Text = string.Join("\n", summaryLines) };
        summaryFrame.Add(summary);
        var pageFrame = new FrameView { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(summaryLines.Count + 4), Title = "Recap", BorderStyle = LineStyle.Rounded };
        pageFrame.Add(new MarkdownView
        {
            X = 0,
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(),
            MarkdownPipeline = CalloutExtension.Pipeline,
            ShowHeadingPrefix = false,
            Text = session.Lab.Recap is { } recap && pages is not null ? pages.MarkdownOf(recap) : "# You finished the lab",
        });
        noticeLine = new NoticeLine(palette) { Y = Pos.AnchorEnd(2), Notice = new Notice(NoticeTone.Success, $"Every step of {session.Lab.Title} is done.") };
        noticeLine.MoreRequested += ShowWholeNotice;
        Bind(ShowWholeNotice, 'm');
        var hints = new List<KeyHint>();
        if (session.Plan.Cleanup.Count > 0)
            hints.Add(new KeyHint("x", "clean up", CleanUp));
        hints.Add(new KeyHint("b", "back to the steps", Back));
        hints.Add(new KeyHint("q", "quit", Quit));
        Add(header, pageFrame, summaryFrame, noticeLine, new KeyBar(palette) { Hints = hints });
        foreach (var hint in hints)
            Bind(hint.Action, hint.Key[0]);
        runner.Noticed += OnNoticed;
        IsRunningChanged += (_, running) =>
        {
            if (!running.Value)
                runner.Noticed -= OnNoticed;
        };
    }

    public RecapExit Exit { get; private set; } = RecapExit.Quit;

    protected override void Quit()
    {
        Exit = RecapExit.Quit;
        RequestStop();
    }

    private void Back()
    {
        Exit = RecapExit.Steps;
        RequestStop();
    }

    private void OnNoticed(Notice notice)
    {
        // Cleanup's notices carry no step result; a perform or check finishing late is old news here.
        if (notice.LearnerAsked && notice.Result is null)
            noticeLine.Notice = notice;
    }

    private void ShowWholeNotice() => TextDialog.Show(App, "Message", noticeLine.Notice?.Text ?? "", "_Close");

    private void CleanUp()
    {
        if (session.Plan.Cleanup.Count == 0)
            return;
        var commands = string.Join("\n\n", session.Plan.Cleanup.Select(action => PerformDialog.ShellLines(action.CliCommand.Render(session.Target))));
        var what = string.Join(", ", session.Plan.Cleanup.Select(action => action.Summary));
        if (TextDialog.Show(App, "Clean up", $"LabRunner will {what}.\n\nThe same as running:\n\n{commands}", PerformDialog.CancelButton, "_Clean up") == 1)
        {
            noticeLine.Notice = new Notice(NoticeTone.Info, "Cleaning up…");
            runner.Cleanup();
        }
    }
}
