using LabRunner.Content.Text;
using LabRunner.Content.Templates;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Sessions;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Targets;
using LabRunner.Tui.Hosting;
using LabRunner.Tui.Pages;
using LabRunner.Tui.Running;
using LabRunner.Tui.Theme;
using LabRunner.Tui.Widgets;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LabRunner.Tui.Screens.Main;

public enum LabScreenExit
{
    Quit,
    /// <summary>Every step is done: show the recap.</summary>
    Recap,
    /// <summary>The learner wants to change their details (a backup window the API refused, say).</summary>
    Details,
    /// <summary>The lab's files changed (run --watch): open it again at the same step.</summary>
    Reload,
}

/// <summary>A screen that shows a lab and can give way when the lab's files change, for the flow to reopen it.</summary>
public interface ILabReloadable
{
    void ReloadLab();
}

/// <summary>
/// The main screen: header, the steps with their status glyphs on the left, the open step's page on the right with
/// its status (and a progress bar while LabRunner waits on it), the last notice, and the keys. Every check, perform
/// and wait runs in the background through a <see cref="StepRunner"/>; this screen only shows what comes back.
/// </summary>
public sealed class LabScreen : Screen, ILabReloadable
{
    private readonly LabSession session;
    private readonly StepRunner runner;
    private readonly Palette palette;
    private readonly TimeProvider time;
    private readonly FrameView stepsFrame;
    private readonly RowList<StepRow> steps;
    private readonly FrameView pageFrame;
    private readonly PageView page;
    private readonly StepStatusPanel status;
    private readonly NoticeLine noticeLine;
    private readonly KeyBar keyBar;
    private readonly IPassWriter? passes;
    private readonly CancellationTokenSource closing = new();
    private PageLibrary? pages;
    private bool writingPass;
    private string openTab;
    private bool wasComplete;
    private object? ticker;

    /// <param name="passes">Writes the learner's progress pass (P); null where the target cannot.</param>
    /// <param name="openAt">The step to show first (the one shown before the lab was reloaded); by default the first not yet done.</param>
    public LabScreen(IApplication app, LabSession session, StepRunner runner, Palette palette, TimeProvider time, Task<PageLibrary> pagesLoading, IPassWriter? passes = null, string? openAt = null)
        : base(app)
    {
        this.session = session;
        this.passes = passes;
        this.runner = runner;
        this.palette = palette;
        this.time = time;
        wasComplete = session.FirstUnfinishedStepId is null;
        openTab = ContentTabsView.FirstTabOn(session.Target);

        var header = new HeaderBar(palette, session.Target.Kind) { Heading = session.Lab.Title, Learner = session.Learner.Key, Target = session.Target };
        steps = new RowList<StepRow>(row => row.IsStep, RenderRow) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        stepsFrame = new CoveredFrameView { X = 0, Y = 1, Width = Dim.Func(StepsWidth, this), Height = Dim.Fill(2), Title = "Steps", BorderStyle = LineStyle.Rounded };
        stepsFrame.Add(steps);
        page = new PageView
        {
            X = 0,
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(StepStatusPanel.Lines + 1),
            MarkdownPipeline = PagePipeline.For(openTab),
            ShowHeadingPrefix = false,
            Text = "Loading the page…",
        };
        page.LinkClicked += (_, link) =>
        {
            link.Handled = true;
            if (ContentTabsView.TitleOfLink(link.Url) is { } tab)
                OpenTab(tab);
            else
                OpenLink(link.Url);
        };
        status = new StepStatusPanel(palette);
        pageFrame = new CoveredFrameView { X = Pos.Right(stepsFrame), Y = 1, Width = Dim.Fill(), Height = Dim.Fill(2), BorderStyle = LineStyle.Rounded };
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
        var resumeAt = (openAt is not null && session.Lab.FindStep(openAt) is not null ? openAt : null)
            ?? session.FirstUnfinishedStepId ?? FirstOptionalNotDone ?? session.Plan.Steps[^1].Id;
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

    /// <summary>Where a learner back from the recap carries on: the first optional step not yet done, if any.</summary>
    private string? FirstOptionalNotDone =>
        session.Results.FirstOrDefault(result => result.Optional && result.Status is not (StepStatus.Passed or StepStatus.Acknowledged))?.StepId;

    /// <summary>Whether this learner has been here before: saved statuses are then re-checked when the screen opens.</summary>
    private bool IsResumed => session.Results.Any(result => result.Status is not (StepStatus.NotChecked or StepStatus.Manual));

    public LabScreenExit Exit { get; private set; } = LabScreenExit.Quit;

    protected override bool SubViewsCoverScreen => true;

    /// <summary>The step whose page is open.</summary>
    private StepPlan? SelectedStep => steps.SelectedRow?.Step;

    /// <summary>The step on screen, where a reloaded lab reopens.</summary>
    public string? SelectedStepId => SelectedStep?.Id;

    public void ReloadLab()
    {
        Exit = LabScreenExit.Reload;
        RequestStop();
    }

    /// <summary>32 columns at 80 (room for "◐ Wait for the snapshot  45%"); less on a narrow terminal, a little more on a wide one.</summary>
    private static int StepsWidth(View? screen) => Math.Clamp((screen?.Viewport.Width ?? 80) * 2 / 5, 20, 34);

    private void BindKeys()
    {
        Bind(CheckSelected, Key.Enter, 'c');
        Bind(PerformSelected, 'p');
        Bind(Next, 'n', Key.CursorRight);
        Bind(Back, 'b', Key.CursorLeft);
        Bind(ShowHint, 'h');
        Bind(SwitchTab, 't');
        if (session.Target.Kind == TargetKind.Sandbox)
            Bind(OpenPracticeShell, 's');
        Bind(ChooseLink, 'o');
        Bind(AcknowledgeSelected, 'a');
        Bind(CheckAll, 'r');
        Bind(EditDetails, 'd');
        Bind(ShowWholeMessages, 'm');
        Bind(WritePass, 'P');
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
        closing.Cancel();
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
        var tally = StepTally.Of(session.Results);
        stepsFrame.Title = $"Steps · {tally.Done}/{tally.Required} done" + (tally.Optional == 0 ? "" : $" · +{tally.OptionalPassed}/{tally.Optional}");
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
        pageFrame.Title = $"Step {number} of {session.Plan.Steps.Count} · {VisibleText.Of(step.Step.Title)}{(step.Step.Optional ? " · optional" : "")}";
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
            _ => $"{char.ToUpperInvariant(WhereToDoIt[0])}{WhereToDoIt[1..]}, then Enter: check it",
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
        if (NextTab() is not null)
            hints.Add(new KeyHint("t", "tab", SwitchTab, Optional: true));
        if (session.Target.Kind == TargetKind.Sandbox)
            hints.Add(new KeyHint("s", "shell", OpenPracticeShell));
        hints.Add(new KeyHint("n", "next", Next));
        hints.Add(new KeyHint("r", "re-check", CheckAll, Optional: true));
        hints.Add(new KeyHint("d", "details", EditDetails)); // the way out when the API refuses a detail
        hints.Add(new KeyHint("?", "help", ShowHelp));
        hints.Add(new KeyHint("q", "quit", Quit));
        return hints;
    }

    /// <summary>How the learner does a step by hand here: the sandbox has no console, only the practice shell.</summary>
    private string WhereToDoIt => session.Target.Kind == TargetKind.Sandbox
        ? "do it with the AWS CLI (s: a shell for it)"
        : "do it in the console or with the AWS CLI";

    private bool IsLast(StepPlan step) => session.Plan.Steps[^1].Id == step.Id;

    private IReadOnlyList<Segment> RenderRow(StepRow row, int width, bool selected)
    {
        var normal = steps.GetAttributeForRole(VisualRole.Normal);
        if (row.Heading is { } heading)
            return [new Segment(heading.Optional ? $"{heading.Title} (optional)" : heading.Title, Palette.Emphasis(palette.Quiet(normal)))];
        var step = row.Step!;
        var result = session.ResultOf(step.Id);
        var activity = runner.ActivityOf(step.Id);
        var glyph = activity?.Kind is StepActivityKind.Checking or StepActivityKind.Performing ? "…" : result.Status.Glyph();
        var percent = result.Status == StepStatus.InProgress && result.Percent is { } value ? $" {value}%" : "";
        var title = SegmentWriter.Fit(step.Step.Title, width - 3 - percent.Length);
        // An optional step reads quieter: its section heading (or the page's title) says it is optional.
        var plain = step.Step.Optional ? palette.Quiet(normal) : normal;
        var text = selected ? Palette.Emphasis(plain) : plain;
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
            noticeLine.Notice = new Notice(NoticeTone.Info, $"LabRunner cannot do {step.Step.Title} for you: {(step.IsManual ? "press a when you have done it" : $"{WhereToDoIt}, then press Enter to check")}.");
            return;
        }
        if (PerformDialog.Confirm(App, step.Step.Title, action.Summary, session.CliCommandOf(step.Id)!, session.Target, session.CostWarningOf(step.Id)))
            runner.Perform(step.Id);
        else
            noticeLine.Notice = new Notice(NoticeTone.Info, "Nothing was changed.");
        FocusSteps();
    }

    /// <summary>Writes the progress pass in the background (it reads the account): the keys keep working meanwhile.</summary>
    private void WritePass()
    {
        if (passes is null)
        {
            noticeLine.Notice = new Notice(NoticeTone.Error, $"No progress pass here: {TargetWords.Where(session.Target)} cannot make one (see 'labrunner pass --help').");
            return;
        }
        if (writingPass)
            return;
        writingPass = true;
        noticeLine.Notice = new Notice(NoticeTone.Info, "Writing your progress pass…");
        var token = closing.Token;
        Task.Run(() => passes.WritePassAsync(session, token), token).ContinueWith(written => App.Invoke(() => OnPassWritten(written)), TaskScheduler.Default);
    }

    private void OnPassWritten(Task<WrittenPass> written)
    {
        writingPass = false;
        if (closing.IsCancellationRequested)
            return;
        if (written.IsCompletedSuccessfully)
        {
            noticeLine.Notice = new Notice(NoticeTone.Info, VisibleText.Of($"Progress pass written to {written.Result.Path}."));
            PassDialog.Show(App, written.Result);
            FocusSteps();
            return;
        }
        var problem = written.Exception?.GetBaseException();
        noticeLine.Notice = new Notice(NoticeTone.Error, VisibleText.Of(problem is TargetUnavailableException
            ? $"No progress pass: {problem.Message}"
            : $"No progress pass: writing it failed ({problem?.Message ?? "cancelled"})."));
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

    /// <summary>The keys, the practice shell's only where there is one.</summary>
    private string HelpText => session.Target.Kind == TargetKind.Sandbox ? KeysHelp : KeysHelp.Replace(PracticeShellHelp, "", StringComparison.Ordinal);

    private const string PracticeShellHelp =
        """
        s          on the sandbox: a shell where aws rds … talks to
                   the sandbox; exit it to come back, checked at once

        """;

    private const string KeysHelp =
        """
        Enter, c   check the open step against your account
        p          perform it for you (shows the AWS CLI command first)
        n, →       next step          b, ←   previous step
        ↑ ↓        choose a step      PgUp PgDn, Space   scroll the page
        h          a hint for this step
        t          the page's other tab (Console, AWS CLI…); a click
                   on a tab's title opens it too
        s          on the sandbox: a shell where aws rds … talks to
                   the sandbox; exit it to come back, checked at once
        o          the page's links: choose one to open (or to read its address)
        a          mark a step you do yourself as done
        r          re-check every step (also retries after an error)
        d          change your details (name, backup window…); the
                   steps are re-checked with the new values
        m          read the last message and the step's status whole
        P          your progress pass for the instructor (labrunner pass)
        ?          this help          q, Ctrl-C   quit (progress is saved)
        x          on the recap: clean up what the lab created
        mouse      click a step, a link, or a key on the bottom line
        Background checks never block the keys: move on while a
        snapshot is creating and come back when it is available.
        """;

    /// <summary>The tab after the open one on the open page, or null when the page has no tabs.</summary>
    private string? NextTab() =>
        pages is not null && SelectedStep is { } step && pages[step.Step.Page].Source is not null
            ? ContentTabsView.NextTitle(pages[step.Step.Page].Parse(), openTab)
            : null;

    private void SwitchTab()
    {
        if (NextTab() is { } next)
            OpenTab(next);
        else
            noticeLine.Notice = new Notice(NoticeTone.Info, "This page has no tabs.");
    }

    /// <summary>Opens the tab titled <paramref name="title"/> on this page and on every page after it that has one.</summary>
    private void OpenTab(string title)
    {
        openTab = title;
        page.MarkdownPipeline = PagePipeline.For(title);
        if (SelectedStep is { } step)
            keyBar.Hints = HintsFor(step);
        FocusSteps();
    }

    /// <summary>
    /// The learner's shell with the AWS CLI pointed at this sandbox, to do the step by hand; back here, the open step is
    /// checked at once (or, for a step done by hand, every step).
    /// </summary>
    private void OpenPracticeShell()
    {
        var endpoint = session.Target.Endpoint;
        if (PracticeShell.Run(App, AwsCliEnvironment.ForSandbox(endpoint), PracticeBanner(endpoint)) is { } problem)
        {
            noticeLine.Notice = new Notice(NoticeTone.Error, $"No practice shell: {problem}.");
            return;
        }
        noticeLine.Notice = new Notice(NoticeTone.Info, "Back from the practice shell.");
        if (SelectedStep is { IsManual: false } step)
            runner.Check(step.Id);
        else
            runner.CheckAll(quietly: true);
        FocusSteps();
    }

    private static string PracticeBanner(Uri endpoint) =>
        $"""
        ─── LabRunner SANDBOX practice shell ───────────────────────────────
        Here aws rds ... talks to the sandbox at {endpoint.GetLeftPart(UriPartial.Authority)}, not to AWS.
        Do the step by hand (the page's AWS CLI tab says how), e.g.:
            aws rds describe-db-clusters
        Type exit (or Ctrl-D) to go back to LabRunner: it checks the step at once.
        ────────────────────────────────────────────────────────────────────
        """;

    private void OpenLink(string url)
    {
        noticeLine.Notice = LinkChooser.Open(url, LocalTarget(url));
        FocusSteps();
    }

    private string LocalTarget(string url) => pages is not null && SelectedStep is { } step ? pages[step.Step.Page].LocalFile(url) ?? url : url;
}
