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
using LabRunner.Content.Markdown;

namespace LabRunner.Tui.Screens.Recap;

public enum RecapExit
{
    Quit,
    /// <summary>Back to the steps.</summary>
    Steps,
    /// <summary>The lab's files changed (run --watch): open the recap again from them.</summary>
    Reload,
}

/// <summary>The end of the lab: the recap page and a summary (steps passed, time taken, what was created, the cleanup key).</summary>
public sealed class RecapScreen : Screen, ILabReloadable
{
    private readonly LabSession session;
    private readonly StepRunner runner;
    private readonly Label summary;
    private readonly FrameView summaryFrame;
    private readonly FrameView pageFrame;
    private readonly NoticeLine noticeLine;
    private readonly KeyBar keyBar;
    private readonly string recapMarkdown;
    private readonly LabPage? recapPage;

    public RecapScreen(IApplication app, LabSession session, StepRunner runner, Palette palette, PageLibrary? pages)
        : base(app)
    {
        this.session = session;
        this.runner = runner;
        var header = new HeaderBar(palette, session.Target.Kind) { Heading = session.Lab.Title, Learner = session.Learner.Key, Target = session.Target };
        summaryFrame = new FrameView { X = 0, Width = Dim.Fill(), Title = "Well done", BorderStyle = LineStyle.Rounded };
        summary = new Label { X = 1, Y = 0, HotKeySpecifier = PlainText.NoHotKey, Width = Dim.Fill(1), Height = Dim.Fill() };
        summaryFrame.Add(summary);
        // The page has its own heading: the frame adds no title of its own.
        pageFrame = new FrameView { X = 0, Y = 1, Width = Dim.Fill(), BorderStyle = LineStyle.Rounded };
        recapPage = session.Lab.Recap is { } recap && pages is not null ? pages[recap] : null;
        recapMarkdown = recapPage is not null ? LinkAddresses.Shown(pages!.MarkdownOf(recapPage.Page)) : "# You finished the lab";
        pageFrame.Add(new PageView
        {
            X = 0,
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(),
            MarkdownPipeline = PagePipeline.For(ContentTabsView.FirstTabOn(session.Target)),
            ShowHeadingPrefix = false,
            // A link's address is written out: the learner may want it after closing LabRunner.
            Text = recapMarkdown,
        });
        noticeLine = new NoticeLine(palette) { Y = Pos.AnchorEnd(2), Notice = new Notice(NoticeTone.Success, $"Every step of {session.Lab.Title} is done.") };
        noticeLine.MoreRequested += ShowWholeNotice;
        keyBar = new KeyBar(palette);
        Add(header, pageFrame, summaryFrame, noticeLine, keyBar);
        Bind(CleanUp, 'x');
        Bind(Back, 'b');
        Bind(Quit, 'q');
        Bind(ShowWholeNotice, 'm');
        Bind(ChooseLink, 'o');
        ShowSummary();
        runner.Noticed += OnNoticed;
        runner.ResultChanged += OnResultChanged;
        IsRunningChanged += (_, running) =>
        {
            if (running.Value)
                return;
            runner.Noticed -= OnNoticed;
            runner.ResultChanged -= OnResultChanged;
        };
    }

    /// <summary>The summary and keys as the session stands: after a cleanup, nothing is left to clean up.</summary>
    private void ShowSummary()
    {
        // The summary's frame spans the screen: its borders and the label's margins take 4 columns.
        var lines = RecapSummary.Of(session).Lines(Math.Max(App.Screen.Width - 4, 20));
        summary.Text = string.Join("\n", lines);
        summaryFrame.Y = Pos.AnchorEnd(lines.Count + 4);
        summaryFrame.Height = lines.Count + 2;
        pageFrame.Height = Dim.Fill(lines.Count + 4);
        var hints = new List<KeyHint>();
        if (HasSomethingToCleanUp)
            hints.Add(new KeyHint("x", "clean up", CleanUp));
        hints.Add(new KeyHint("o", "links", ChooseLink));
        hints.Add(new KeyHint("b", "back to the steps", Back));
        hints.Add(new KeyHint("q", "quit", Quit));
        keyBar.Hints = hints;
    }

    private void ChooseLink()
    {
        if (LinkChooser.Choose(App, recapMarkdown, url => recapPage?.LocalFile(url) ?? url) is { } notice)
            noticeLine.Notice = notice;
    }

    private bool HasSomethingToCleanUp => session.Plan.Cleanup.Count > 0 && session.CreatedForLearner.Count > 0;

    private void OnResultChanged(Engine.Steps.StepResult result) => ShowSummary();

    public RecapExit Exit { get; private set; } = RecapExit.Quit;

    protected override void Quit()
    {
        Exit = RecapExit.Quit;
        RequestStop();
    }

    public void ReloadLab()
    {
        Exit = RecapExit.Reload;
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
        {
            noticeLine.Notice = notice;
            ShowSummary();
        }
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string Sentence(IReadOnlyList<string> parts) =>
        parts.Count <= 1 ? string.Concat(parts) : $"{string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}";

    private void ShowWholeNotice() => TextDialog.Show(App, "Message", noticeLine.Notice?.Text ?? "", "_Close");

    private void CleanUp()
    {
        if (!HasSomethingToCleanUp)
        {
            noticeLine.Notice = new Notice(NoticeTone.Info, "Nothing LabRunner created for you is left to clean up.");
            return;
        }
        var commands = string.Join("\n\n", session.Plan.Cleanup.Select(action => PerformDialog.ShellLines(action.CliCommand.Render(session.Target))));
        var what = Sentence(session.Plan.Cleanup.Select(action => action.Summary).ToList());
        if (TextDialog.Show(App, "Clean up", $"LabRunner will {what} {TargetWords.Where(session.Target)}.\n\nThe same as running:\n\n{commands}", PerformDialog.CancelButton, "_Clean up") == 1)
        {
            noticeLine.Notice = new Notice(NoticeTone.Info, "Cleaning up…");
            runner.Cleanup();
        }
    }
}
