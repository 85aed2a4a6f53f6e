using LabRunner.Content.Files;
using LabRunner.Content.Model;
using LabRunner.Engine.Learners;
using LabRunner.Engine.Progress;
using LabRunner.Engine.Sessions;
using LabRunner.Engine.Targets;
using LabRunner.Rds;
using LabRunner.Tui.Hosting;
using LabRunner.Tui.Labs;
using LabRunner.Tui.Pages;
using LabRunner.Tui.Running;
using LabRunner.Tui.Screens.Main;
using LabRunner.Tui.Screens.Details;
using LabRunner.Tui.Screens.Picker;
using LabRunner.Tui.Screens.Recap;
using LabRunner.Tui.Widgets;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace LabRunner.Tui;

/// <summary>
/// The screens in order: picker (unless a lab was named), learner details, the lab, the recap. The first frame shows
/// at once; labs load and the target connects in the background right after it.
/// </summary>
public sealed class TuiFlow : IDisposable
{
    private readonly IApplication app;
    private readonly TuiOptions options;
    private readonly ProgressStore store;
    private readonly Task<IReadOnlyList<LabEntry>> labs;
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource firstFrame = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<ILabTarget> connecting;
    private string? connectProblem;
    private SavedProgress? saved;
    private volatile bool terminating;
    private bool labChanged;

    public TuiFlow(IApplication app, TuiOptions options)
    {
        this.app = app;
        this.options = options;
        store = new ProgressStore(options.DataDirectory, options.Time);
        // The sandbox and the labs load once the first frame is on screen: on two cores they would slow it down.
        app.LayoutAndDrawComplete += OnFirstFrame;
        connecting = AfterFirstFrame(() => options.Connect(stopping.Token));
        labs = AfterFirstFrame(() => Task.FromResult(LabCatalog.Load(options.LabFolders)));
        app.Iteration += (_, _) =>
        {
            if (terminating)
                app.RequestStop();
            else if (labChanged && app.TopRunnableView is ILabReloadable screen)
            {
                labChanged = false;
                screen.ReloadLab();
            }
        };
        app.Keyboard.KeyDown += OnAnyKey;
    }

    /// <summary>
    /// Ctrl-C quits from anywhere, a dialog included (a dialog would otherwise take it as Esc and leave the screen
    /// under it running); so does q in a dialog, which has no text to type it into.
    /// </summary>
    private void OnAnyKey(object? sender, Key key)
    {
        if (key.Handled || !(key == Key.C.WithCtrl || (key == Key.Q && app.TopRunnableView is Dialog)))
            return;
        key.Handled = true;
        Terminate();
    }

    private void OnFirstFrame(object? sender, EventArgs e)
    {
        app.LayoutAndDrawComplete -= OnFirstFrame;
        firstFrame.TrySetResult();
    }

    private Task<T> AfterFirstFrame<T>(Func<Task<T>> work) =>
        firstFrame.Task.ContinueWith(_ => work(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();

    /// <summary>Leaves every screen, from any thread (a signal handler).</summary>
    public void Terminate()
    {
        terminating = true;
        app.Invoke(() => app.RequestStop());
    }

    public void Dispose() => stopping.Dispose();

    public TuiResult Run()
    {
        try
        {
            var result = options.Lab is { } reference ? RunNamed(reference) : RunPicked();
            return result.End == TuiEnd.Quit ? result with { Saved = saved } : result;
        }
        finally
        {
            stopping.Cancel();
            if (connecting.IsCompletedSuccessfully)
                connecting.Result.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private TuiResult RunNamed(string reference)
    {
        var finding = labs.ContinueWith(found => LabCatalog.Find(reference, found.IsCompletedSuccessfully ? found.Result : []), TaskScheduler.Default);
        if (!WaitScreen.Until(app, options.Palette, options.TargetKind, "opening the lab", $"Opening {reference}…", finding) || terminating)
            return TuiResult.Quit;
        var entry = finding.Result;
        if (entry is null)
            return new TuiResult(TuiEnd.UsageError, LabCatalog.NotFound(reference, options.LabFolders));
        if (entry.Lab is null)
            return new TuiResult(TuiEnd.UsageError, $"{entry.Folder} cannot be opened:\n{string.Join("\n", entry.Problems)}");
        return RunLab(entry.Lab, named: true) switch
        {
            LabEnd.TargetFailed failed => new TuiResult(TuiEnd.TargetError, failed.Message),
            _ => TuiResult.Quit,
        };
    }

    private TuiResult RunPicked()
    {
        while (!terminating)
        {
            using var picker = new PickerScreen(app, options.Palette, options.TargetKind, options.LabFolders, labs, TargetInfoAsync(), (entry, target) => LabStanding.Latest(store, entry.Lab!, target.ProgressKey));
            app.Run(picker);
            if (picker.Chosen?.Lab is not { } lab || terminating)
                return TuiResult.Quit;
            switch (RunLab(lab, named: false))
            {
                case LabEnd.TargetFailed failed:
                    return new TuiResult(TuiEnd.TargetError, failed.Message);
                case LabEnd.Quit:
                    return TuiResult.Quit;
            }
        }
        return TuiResult.Quit;
    }

    private abstract record LabEnd
    {
        public sealed record Quit : LabEnd;

        public sealed record Back : LabEnd;

        /// <summary>The learner wants to change their details: ask again, then reopen the lab with them.</summary>
        public sealed record EditDetails : LabEnd;

        public sealed record TargetFailed(string Message) : LabEnd;

        /// <summary>The lab's files changed: load it again and reopen where the learner was (a step, or the recap when null).</summary>
        public sealed record Reload(string? StepId) : LabEnd;
    }

    private LabEnd RunLab(Lab lab, bool named)
    {
        if (Connected(lab.Title) is not { } target)
            return terminating ? new LabEnd.Quit() : new LabEnd.TargetFailed(connectProblem ?? "the target could not be used");
        var form = new LearnerForm(lab);
        var remembered = store.List(lab.Id, target.Info.ProgressKey).FirstOrDefault()?.Variables ?? [];
        form.Fill(remembered.Concat(JoinedLearner(lab)).Concat(options.Variables).GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Last().Value));
        var askDetails = !(((named && options.Variables.Count > 0) || options.Learner is not null) && form.IsValid);
        var editing = false;
        while (!terminating)
        {
            if (askDetails)
            {
                var before = new Dictionary<string, string>(form.Values);
                using var details = new LearnerScreen(app, options.Palette, options.TargetKind, target.Info, form, editing);
                app.Run(details);
                if (terminating)
                    return new LabEnd.Quit();
                if (details.Values is null && !editing)
                    return named ? new LabEnd.Quit() : new LabEnd.Back();
                if (details.Values is null)
                    form.Fill(before);
            }
            if (OpenSession(lab, target, form) is not { } session)
                return terminating || named ? new LabEnd.Quit() : new LabEnd.Back();
            var end = RunSession(session, target as IPassWriter);
            while (end is LabEnd.Reload reload && !terminating)
            {
                lab = Reloaded(lab);
                if (OpenSession(lab, target, form) is not { } reopened)
                    return new LabEnd.Quit();
                session = reopened;
                end = RunSession(session, target as IPassWriter, reload);
            }
            if (end is not LabEnd.EditDetails)
                return end;
            askDetails = editing = true;
            var reading = BackupWindowFacts.ReadAsync(lab, session.Learner, target.Rds, stopping.Token);
            if (!WaitScreen.Until(app, options.Palette, options.TargetKind, lab.Title, "Reading your cluster's settings…", reading) || terminating)
                return new LabEnd.Quit();
            if (reading.IsCompletedSuccessfully)
                form.Know(reading.Result);
        }
        return new LabEnd.Quit();
    }

    /// <summary>In a class joined, the learner's name in the lab's one name variable.</summary>
    private IEnumerable<KeyValuePair<string, string>> JoinedLearner(Lab lab) =>
        options.Learner is { } learner && lab.NameVariables is [var nameVariable] ? [new(nameVariable.Name, learner)] : [];

    /// <summary>The learner's session on the target, its resources prepared; null (after telling why) when it cannot start.</summary>
    private LabSession? OpenSession(Lab lab, ILabTarget target, LearnerForm form)
    {
        var values = new Dictionary<string, string>(form.Values);
        var opening = Task.Run(() => SessionOpener.OpenAsync(lab, values, _ => Task.FromResult(target), store, options.Time, stopping.Token));
        var where = target.Info.Kind == TargetKind.Sandbox ? "Preparing your sandbox resources…" : "Opening your progress…";
        if (!WaitScreen.Until(app, options.Palette, options.TargetKind, lab.Title, where, opening) || terminating)
            return null;
        if (!opening.IsCompletedSuccessfully)
        {
            var problem = opening.Exception!.GetBaseException();
            if (problem is not (RdsException or TargetUnavailableException))
                options.LogUnexpected(problem);
            MessageBox.ErrorQuery(app, $"{lab.Title} cannot start", problem.Message, "_OK");
            return null;
        }
        if (opening.Result.Session is not { } session)
        {
            var binding = opening.Result.Binding;
            MessageBox.ErrorQuery(app, $"{lab.Title} cannot be run", binding.SpecProblem ?? string.Join("\n", binding.VariableProblems), "_OK");
            return null;
        }
        saved = new SavedProgress(lab.Title, lab.Directory,
            lab.NameVariables.ToDictionary(variable => variable.Name, variable => session.Learner.Variables[variable.Name]),
            store.PathFor(lab.Id, target.Info.ProgressKey, session.Learner.Key));
        return session;
    }

    /// <param name="reloaded">Where the learner was when the lab's files changed; null on a first opening.</param>
    private LabEnd RunSession(LabSession session, IPassWriter? passes, LabEnd.Reload? reloaded = null)
    {
        using var runner = new StepRunner(session, action => app.Invoke(action), options.Time, options.LogUnexpected, PollInterval(session.Target));
        using var watcher = options.Watch ? WatchLab(session.Lab) : null;
        var pages = PageLibrary.LoadAsync(session.Lab, session.Learner.Values);
        var showRecap = reloaded is null ? session.FirstUnfinishedStepId is null : reloaded.StepId is null;
        var openAt = reloaded?.StepId;
        while (!terminating)
        {
            if (showRecap)
            {
                WaitScreen.Until(app, options.Palette, options.TargetKind, session.Lab.Title, "Opening the recap…", pages);
                using var recap = new RecapScreen(app, session, runner, options.Palette, pages.IsCompletedSuccessfully ? pages.Result : null);
                app.Run(recap);
                if (recap.Exit == RecapExit.Quit)
                    return new LabEnd.Quit();
                if (recap.Exit == RecapExit.Reload)
                    return new LabEnd.Reload(null);
            }
            using var screen = new LabScreen(app, session, runner, options.Palette, options.Time, pages, passes, openAt);
            app.Run(screen);
            switch (screen.Exit)
            {
                case LabScreenExit.Quit:
                    return new LabEnd.Quit();
                case LabScreenExit.Details:
                    return new LabEnd.EditDetails();
                case LabScreenExit.Reload:
                    return new LabEnd.Reload(screen.SelectedStepId);
            }
            showRecap = true;
            openAt = null;
        }
        return new LabEnd.Quit();
    }

    /// <summary>
    /// Watches the lab's folder; a save makes the lab screen or recap give way (at once, or when a dialog over it
    /// closes) so the flow reopens the lab from its files.
    /// </summary>
    private LabWatcher WatchLab(Lab lab)
    {
        var watcher = new LabWatcher(lab.Directory, options.Time, LabWatcher.DefaultQuiet);
        watcher.Changed += () => app.Invoke(() => labChanged = true);
        return watcher;
    }

    /// <summary>The lab as its files are now; while they have errors, the lab as it was, with the findings shown.</summary>
    private Lab Reloaded(Lab lab)
    {
        var entry = LabEntry.Load(lab.Directory);
        if (entry.Lab is { } reloaded)
            return reloaded;
        MessageBox.ErrorQuery(app, $"{lab.Title}: the saved lab has errors", string.Join("\n", entry.Problems.Take(8)) + "\n\nShowing it as it was until the next save.", "_OK");
        return lab;
    }

    /// <summary>The local sandbox answers at no cost, so a step in progress is watched every second there; AWS keeps the lab's interval.</summary>
    private static TimeSpan? PollInterval(TargetInfo target) =>
        target.Kind == TargetKind.Sandbox ? TimeSpan.FromSeconds(1) : null;

    /// <summary>The connected target, waiting for it and offering retries when it fails; null when the learner gives up.</summary>
    private ILabTarget? Connected(string title)
    {
        while (!terminating)
        {
            var what = options.TargetKind == TargetKind.Sandbox ? "Starting the sandbox…" : "Connecting to AWS…";
            int? choice = null;
            var attempt = connecting;
            if (!WaitScreen.Until(app, options.Palette, options.TargetKind, title, what, attempt, () =>
                {
                    connectProblem = ConnectProblem(attempt.Exception?.GetBaseException());
                    choice = MessageBox.ErrorQuery(app, "Cannot use the target", connectProblem, "_Retry", "_Quit");
                }) || terminating)
                return null;
            if (attempt.IsCompletedSuccessfully)
                return attempt.Result;
            if (choice != 0)
                return null;
            connecting = AfterFirstFrame(() => options.Connect(stopping.Token));
        }
        return null;
    }

    /// <summary>What to tell the learner about a failed connection; a failure LabRunner did not expect goes to the log too.</summary>
    private string ConnectProblem(Exception? problem)
    {
        if (problem is null)
            return "the target did not answer";
        if (problem is TargetUnavailableException or RdsException)
            return problem.Message;
        return $"{problem.Message} (details in {options.LogUnexpected(problem)})";
    }

    private Task<TargetInfo> TargetInfoAsync() =>
        connecting.ContinueWith(connected => connected.Result.Info, TaskScheduler.Default);
}
