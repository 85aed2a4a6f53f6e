using LabRunner.Content.Text;
using LabRunner.Content.Templates;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Sessions;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Targets;
using LabRunner.Tui.Pages;
using LabRunner.Tui.Running;
using LabRunner.Tui.Theme;
using LabRunner.Tui.Widgets;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using MarkdownView = Terminal.Gui.Views.Markdown;

namespace LabRunner.Tui.Screens.Main;

public enum LabScreenExit
{
    Quit,
    /// <summary>Every step is done: show the recap.</summary>
    Recap,
    /// <summary>The learner wants to change their details (a backup window the API refused, say).</summary>
    Details,
}

/// <summary>
/// The main screen: header, the steps with their status glyphs on the left, the open step's page on the right with
/// its status (and a progress bar while LabRunner waits on it), the last notice, and the keys. Every check, perform
/// and wait runs in the background through a <see cref="StepRunner"/>; this screen only shows what comes back.
/// </summary>
public sealed class LabScreen : Screen
{
    private readonly LabSession session;
    private readonly StepRunner runner;
    private readonly Palette palette;
    private readonly TimeProvider time;
    private readonly FrameView stepsFrame;
    private readonly RowList<StepRow> steps;
    private readonly FrameView pageFrame;
    private readonly MarkdownView page;
    private readonly StepStatusPanel status;
    private readonly NoticeLine noticeLine;
    private readonly KeyBar keyBar;
    private PageLibrary? pages;
    private bool wasComplete;
    private object? ticker;

    public LabScreen(IApplication app, LabSession session, StepRunner runner, Palette palette, TimeProvider time, Task<PageLibrary> pagesLoading)
        : base(app)
    {
        this.session = session;
        this.runner = runner;
        this.palette = palette;
        this.time = time;
        wasComplete = session.FirstUnfinishedStepId is null;

        var header = new HeaderBar(palette, session.Target.Kind) { Heading = session.Lab.Title, Learner = session.Learner.Key, Target = session.Target };
        steps = new RowList<StepRow>(row => row.IsStep, RenderRow) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        stepsFrame = new FrameView { X = 0, Y = 1, Width = Dim.Func(StepsWidth, this), Height = Dim.Fill(2), Title = "Steps", BorderStyle = LineStyle.Rounded };
        stepsFrame.Add(steps);
        page = new MarkdownView
        {
            X = 0,
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(StepStatusPanel.Lines + 1),
            MarkdownPipeline = CalloutExtension.Pipeline,
            ShowHeadingPrefix = false,
            Text = "Loading the page…",
        };
        page.LinkClicked += (_, link) =>
        {
            link.Handled = true;
            OpenLink(link.Url);
        };
        status = new StepStatusPanel(palette);
        pageFrame = new FrameView { X = Pos.Right(stepsFrame), Y = 1, Width = Dim.Fill(), Height = Dim.Fill(2), BorderStyle = LineStyle.Rounded };
        pageFrame.Add(page, new Line { X = 0, Y = Pos.AnchorEnd(StepStatusPanel.Lines + 1), Width = Dim.Fill() }, status);
        noticeLine = new NoticeLine(palette) { Y = Pos.AnchorEnd(2) };
        noticeLine.MoreRequested += ShowWholeMessages;
        keyBar = new KeyBar(palette);
        Add(header, stepsFrame, pageFrame, noticeLine, keyBar);

        steps.SetRows(StepRow.For(session.Plan));
        steps.SelectionChanged += _ => ShowSelectedStep(open: true);
        BindKeys();

        runner.ResultChanged += OnResultChanged;
        runner.ActivityChanged += OnActivityChanged;
        runner.Noticed += OnNoticed;
        pagesLoading.ContinueWith(loaded => App.Invoke(() => OnPagesLoaded(loaded)), TaskScheduler.Default);

        IsRunningChanged += (_, running) =>
        {
            if (running.Value)
                Started();
            else
                Stopped();
        };
        var resumeAt = session.FirstUnfinishedStepId ?? session.Plan.Steps[^1].Id;
        SelectStep(resumeAt);
        ShowSelectedStep(open: false);
        noticeLine.Notice = session.ProgressWarning is { } warning
            ? new Notice(NoticeTone.Error, warning)
            : IsResumed
                ? new Notice(NoticeTone.Info, session.FirstUnfinishedStepId is null
                    ? "Welcome back: every step is done; re-checking them now."
                    : $"Welcome back: resumed at {session.ResultOf(resumeAt).Title}; re-checking your saved progress.")
                : new Notice(NoticeTone.Info, "Follow the page on the right; the line under it says what to press next.");
    }

    /// <summary>Whether this learner has been here before: saved statuses are then re-checked when the screen opens.</summary>
    private bool IsResumed => session.Results.Any(result => result.Status is not (StepStatus.NotChecked or StepStatus.Manual));

    public LabScreenExit Exit { get; private set; } = LabScreenExit.Quit;

    protected override bool SubViewsCoverScreen => true;

    /// <summary>The step whose page is open.</summary>
    private StepPlan? SelectedStep => steps.SelectedRow?.Step;

    /// <summary>32 columns at 80 (room for "◐ Wait for the snapshot  45%"); less on a narrow terminal, a little more on a wide one.</summary>
    private static int StepsWidth(View? screen) => Math.Clamp((screen?.Viewport.Width ?? 80) * 2 / 5, 20, 34);

    private void BindKeys()
    {
        Bind(CheckSelected, Key.Enter, 'c');
        Bind(PerformSelected, 'p');
        Bind(Next, 'n', Key.CursorRight);
        Bind(Back, 'b', Key.CursorLeft);
        Bind(ShowHint, 'h');
        Bind(ChooseLink, 'o');
        Bind(AcknowledgeSelected, 'a');
        Bind(CheckAll, 'r');
        Bind(EditDetails, 'd');
        Bind(ShowWholeMessages, 'm');
        Bind(ShowHelp, '?');
        Bind(Quit, 'q');
        Bind(() => page.ScrollVertical(Math.Max(page.Viewport.Height - 1, 1)), Key.PageDown, Key.Space);
        Bind(() => page.ScrollVertical(-Math.Max(page.Viewport.Height - 1, 1)), Key.PageUp);
    }

    private void Started()
    {
        if (SelectedStep is { } selected)
            runner.Open(selected.Id);
        // One read of the account judges every step, so none shows "not checked yet" while its state is known.
        runner.CheckAll(quietly: true);
        ticker = App.AddTimeout(TimeSpan.FromSeconds(1), () =>
        {
            if (SelectedStep is { } step && runner.ActivityOf(step.Id)?.Kind == StepActivityKind.Waiting)
                ShowStatus(step);
            return true;
        });
    }

    private void Stopped()
    {
        if (ticker is not null)
            App.RemoveTimeout(ticker);
        runner.ResultChanged -= OnResultChanged;
        runner.ActivityChanged -= OnActivityChanged;
        runner.Noticed -= OnNoticed;
    }

    protected override void Quit()
    {
        Exit = LabScreenExit.Quit;
        RequestStop();
    }

    private void EditDetails()
    {
        Exit = LabScreenExit.Details;
        RequestStop();
    }

    private void OnPagesLoaded(Task<PageLibrary> loaded)
    {
        if (loaded.IsCompletedSuccessfully)
            pages = loaded.Result;
        else
            page.Text = $"*The pages could not be read:* {loaded.Exception?.GetBaseException().Message}";
        ShowSelectedStep(open: false);
    }

    private void OnResultChanged(StepResult result)
    {
        steps.Refresh();
        stepsFrame.Title = $"Steps · {session.Results.Count(done => done.Status is StepStatus.Passed or StepStatus.Acknowledged)}/{session.Plan.Steps.Count} done";
        if (SelectedStep?.Id == result.StepId)
            ShowStatus(SelectedStep);
        if (!wasComplete && session.FirstUnfinishedStepId is null)
        {
            wasComplete = true;
            Exit = LabScreenExit.Recap;
            RequestStop();
        }
    }

    private void OnActivityChanged(string stepId)
    {
        steps.Refresh();
        if (SelectedStep?.Id == stepId)
            ShowStatus(SelectedStep);
    }

    private void OnNoticed(Notice notice)
    {
        noticeLine.Notice = notice;
        var done = notice.Result?.Status is StepStatus.Passed or StepStatus.Acknowledged;
        if (notice.LearnerAsked && done && SelectedStep?.Id == notice.Result!.StepId && session.FirstUnfinishedStepId is not null)
            Next();
    }

    private void SelectStep(string stepId)
    {
        var row = steps.Rows.FirstOrDefault(candidate => candidate.Step?.Id == stepId);
        if (row is not null)
            steps.Select(row);
    }

    private void ShowSelectedStep(bool open)
    {
        if (SelectedStep is not { } step)
            return;
        var number = steps.SelectedRow!.Number;
        pageFrame.Title = $"Step {number} of {session.Plan.Steps.Count} · {VisibleText.Of(step.Step.Title)}";
        if (pages is not null)
        {
            page.Text = pages.MarkdownOf(step.Step.Page);
            page.Viewport = page.Viewport with { Y = 0 };
        }
        ShowStatus(step);
        if (open)
            runner.Open(step.Id);
    }

    private void ShowStatus(StepPlan step)
    {
        var activity = runner.ActivityOf(step.Id);
        var result = session.ResultOf(step.Id);
        // What is awaited started when RDS says it did (a snapshot's creation), not when this run began watching.
        var since = result.Since ?? activity?.Since;
        var waited = since is null ? TimeSpan.Zero : time.GetUtcNow() - since.Value;
        status.Show(result, activity, KeysFor(step), StepText.Elapsed(waited < TimeSpan.Zero ? TimeSpan.Zero : waited));
        keyBar.Hints = HintsFor(step);
    }

    private string KeysFor(StepPlan step)
    {
        var result = session.ResultOf(step.Id);
        return result.Status switch
        {
            StepStatus.Passed or StepStatus.Acknowledged => IsLast(step) ? "n: the recap" : "n: next step",
            StepStatus.Error => "r: try again",
            _ when step.IsManual => "Do it, then a: mark it done",
            _ when step.Perform is not null => "Enter: check it · p: let LabRunner do it",
            _ => "Do it in the console, then Enter: check it",
        };
    }

    private IReadOnlyList<KeyHint> HintsFor(StepPlan step)
    {
        var hints = new List<KeyHint>();
        if (step.IsManual)
            hints.Add(new KeyHint("a", "done", AcknowledgeSelected));
        else
            hints.Add(new KeyHint("Enter", "check", CheckSelected));
        if (step.Perform is not null)
            hints.Add(new KeyHint("p", "perform", PerformSelected));
        if (step.Step.Hint is not null)
            hints.Add(new KeyHint("h", "hint", ShowHint));
        hints.Add(new KeyHint("n", "next", Next));
        hints.Add(new KeyHint("r", "re-check", CheckAll));
        hints.Add(new KeyHint("d", "details", EditDetails));
        hints.Add(new KeyHint("?", "help", ShowHelp));
        hints.Add(new KeyHint("q", "quit", Quit));
        return hints;
    }

    private bool IsLast(StepPlan step) => session.Plan.Steps[^1].Id == step.Id;

    private IReadOnlyList<Segment> RenderRow(StepRow row, int width, bool selected)
    {
        var normal = steps.GetAttributeForRole(VisualRole.Normal);
        if (row.Heading is { } heading)
            return [new Segment(heading.Title, palette.Emphasis(palette.Quiet(normal)))];
        var step = row.Step!;
        var result = session.ResultOf(step.Id);
        var activity = runner.ActivityOf(step.Id);
        var glyph = activity?.Kind is StepActivityKind.Checking or StepActivityKind.Performing ? "…" : result.Status.Glyph();
        var percent = result.Status == StepStatus.InProgress && result.Percent is { } value ? $" {value}%" : "";
        var title = SegmentWriter.Fit(step.Step.Title, width - 3 - percent.Length);
        var text = selected ? palette.Emphasis(normal) : normal;
        return
        [
            new Segment(selected ? "▸" : " ", text),
            new Segment(glyph, palette.Status(result.Status, normal)),
            new Segment(" " + title.PadRight(Math.Max(width - 3 - percent.Length, 0)), text),
            new Segment(percent, palette.Status(result.Status, normal)),
        ];
    }

    private void CheckSelected()
    {
        if (SelectedStep is not { } step)
            return;
        if (step.IsManual)
            noticeLine.Notice = new Notice(NoticeTone.Info, $"LabRunner cannot check {step.Step.Title}: do it yourself, then press a to mark it done.");
        else
            runner.Check(step.Id);
    }

    private void PerformSelected()
    {
        if (SelectedStep is not { } step)
            return;
        if (session.ActionOf(step.Id) is not { } action)
        {
            noticeLine.Notice = new Notice(NoticeTone.Info, $"LabRunner cannot do {step.Step.Title} for you: {(step.IsManual ? "press a when you have done it" : "do it in the console, then press Enter to check")}.");
            return;
        }
        if (PerformDialog.Confirm(App, step.Step.Title, action.Summary, session.CliCommandOf(step.Id)!, session.Target))
            runner.Perform(step.Id);
        else
            noticeLine.Notice = new Notice(NoticeTone.Info, "Nothing was changed.");
        FocusSteps();
    }

    private void AcknowledgeSelected()
    {
        if (SelectedStep is not { } step)
            return;
        if (step.IsManual)
            runner.Acknowledge(step.Id);
        else
            noticeLine.Notice = new Notice(NoticeTone.Info, $"LabRunner checks {step.Step.Title} itself: press Enter.");
    }

    private void Next()
    {
        if (SelectedStep is { } step && IsLast(step))
        {
            if (session.FirstUnfinishedStepId is null)
            {
                Exit = LabScreenExit.Recap;
                RequestStop();
            }
            else
            {
                noticeLine.Notice = new Notice(NoticeTone.Info, $"This is the last step; still to do: {session.ResultOf(session.FirstUnfinishedStepId).Title}.");
            }
            return;
        }
        steps.InvokeCommand(Command.Down);
    }

    private void Back() => steps.InvokeCommand(Command.Up);

    /// <summary>Re-checks every step, saying so at once: on a slow endpoint the answer may take a while.</summary>
    private void CheckAll()
    {
        noticeLine.Notice = new Notice(NoticeTone.Info, "Checking every step…");
        runner.CheckAll();
    }

    /// <summary>After a click on the page or a dialog, ↑ ↓ choose steps again.</summary>
    private void FocusSteps() => steps.SetFocus();

    private void ShowHint()
    {
        if (SelectedStep is not { } step)
            return;
        var hint = step.Step.Hint is { } text
            ? session.Learner.Values.RenderLenient(TemplateParser.Parse(text))
            : "This step has no hint: its page says what to do.";
        TextDialog.Show(App, $"Hint · {step.Step.Title}", hint, "_OK");
        FocusSteps();
    }

    private void ChooseLink()
    {
        if (pages is null || SelectedStep is not { } step)
            return;
        if (LinkChooser.Choose(App, pages.MarkdownOf(step.Step.Page), LocalTarget) is { } notice)
            noticeLine.Notice = notice;
        FocusSteps();
    }

    /// <summary>The last notice and the open step's status, whole: either may be cut on screen.</summary>
    private void ShowWholeMessages()
    {
        var parts = new[] { noticeLine.Notice?.Text, SelectedStep is { } step && status.WholeText is { } whole ? $"{step.Step.Title}: {whole}" : null };
        TextDialog.Show(App, "Messages", string.Join("\n\n", parts.OfType<string>()), "_Close");
        FocusSteps();
    }

    private void ShowHelp()
    {
        TextDialog.Show(App, "Keys", HelpText, "_Close");
        FocusSteps();
    }

    private static string HelpText =>
        """
        Enter, c   check the open step against your account
        p          perform it for you (shows the AWS CLI command first)
        n, →       next step          b, ←   previous step
        ↑ ↓        choose a step      PgUp PgDn, Space   scroll the page
        h          a hint for this step
        o          the page's links: choose one to open (or to read its address)
        a          mark a step you do yourself as done
        r          re-check every step (also retries after an error)
        d          change your details (name, backup window…); the
                   steps are re-checked with the new values
        m          read the last message and the step's status whole
        ?          this help          q, Ctrl-C   quit (progress is saved)
        x          on the recap: clean up what the lab created
        mouse      click a step, a link, or a key on the bottom line

        Background checks never block the keys: move on while a
        snapshot is creating and come back when it is available.
        """;

    private void OpenLink(string url)
    {
        noticeLine.Notice = LinkChooser.Open(url, LocalTarget(url));
        FocusSteps();
    }

    private string LocalTarget(string url) => pages is not null && SelectedStep is { } step ? pages[step.Step.Page].LocalFile(url) ?? url : url;
}
