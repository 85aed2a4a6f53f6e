using System.Collections.Concurrent;
using LabRunner.Engine.Actions;
using LabRunner.Engine.Progress;
using LabRunner.Engine.Sessions;
using LabRunner.Engine.Steps;

namespace LabRunner.Tui.Running;

/// <summary>
/// Runs a session's checks, performs and waits in the background, never on the UI thread, and hands every outcome
/// to the UI thread through <c>post</c>. One operation per step at a time; a step left in progress is waited on
/// until it settles, whichever step the learner looks at meanwhile. Disposing cancels everything still running.
/// </summary>
public sealed class StepRunner : IDisposable
{
    private readonly LabSession session;
    private readonly Action<Action> post;
    private readonly TimeProvider time;
    private readonly Func<Exception, string> logUnexpected;
    private readonly TimeSpan? pollInterval;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, StepActivity> performs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StepActivity> checks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StepActivity> waits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> answerNextCheck = new(StringComparer.Ordinal);
    private int toldAcknowledgementsStayLocal;

    /// <param name="post">Runs an action on the UI thread.</param>
    /// <param name="logUnexpected">Logs an exception LabRunner did not expect and returns where.</param>
    /// <param name="pollInterval">How often to poll a step in progress, instead of the step's own interval (null keeps it).</param>
    public StepRunner(LabSession session, Action<Action> post, TimeProvider time, Func<Exception, string> logUnexpected, TimeSpan? pollInterval = null)
    {
        this.pollInterval = pollInterval;
        this.session = session;
        this.post = post;
        this.time = time;
        this.logUnexpected = logUnexpected;
        session.StepResultChanged += OnStepResultChanged;
    }

    /// <summary>A step's result changed (raised on the UI thread).</summary>
    public event Action<StepResult>? ResultChanged;

    /// <summary>Something the learner should read (raised on the UI thread).</summary>
    public event Action<Notice>? Noticed;

    /// <summary>A step started or finished background work (raised on the UI thread).</summary>
    public event Action<string>? ActivityChanged;

    /// <summary>What runs on a step: a perform, else a check, else a wait, else nothing.</summary>
    public StepActivity? ActivityOf(string stepId) =>
        performs.GetValueOrDefault(stepId) ?? checks.GetValueOrDefault(stepId) ?? waits.GetValueOrDefault(stepId);

    /// <summary>The learner asked to check a step. If a check of it is already on its way, its result is the answer.</summary>
    public void Check(string stepId)
    {
        if (performs.ContainsKey(stepId))
        {
            NotifyStillPerforming(stepId);
            return;
        }
        answerNextCheck[stepId] = true;
        Start(checks, stepId, StepActivityKind.Checking, token => AnswerAsync(stepId, session.CheckStepAsync(stepId, token)));
    }

    /// <summary>The learner is looking at a step: records when (and its baselines) and refreshes its status quietly.</summary>
    public void Open(string stepId) =>
        Start(checks, stepId, StepActivityKind.Checking, token => AnswerAsync(stepId, session.OpenStepAsync(stepId, token)));

    /// <summary>A check's result, told to the learner when they asked for one meanwhile.</summary>
    private async Task<StepResult> AnswerAsync(string stepId, Task<StepResult> checking)
    {
        var result = await checking;
        if (answerNextCheck.TryRemove(stepId, out _))
            Notify(Describe(result, learnerAsked: true));
        return result;
    }

    /// <summary>Re-checks every step from one read of the state; also how an error is retried.</summary>
    public void CheckAll(bool quietly = false) =>
        Run(async token =>
        {
            var results = await session.CheckAllAsync(token);
            if (results.FirstOrDefault(result => result.Status == StepStatus.Error) is { } error)
                Notify(Describe(error, learnerAsked: !quietly));
            else if (!quietly)
                Notify(new Notice(NoticeTone.Info, $"Re-checked every step: {Summary(results)}."));
        });

    /// <summary>Performs a step's action (the learner confirmed), then re-checks every step so those that follow from it update.</summary>
    public void Perform(string stepId)
    {
        if (performs.ContainsKey(stepId))
            NotifyStillPerforming(stepId);
        else
            Start(performs, stepId, StepActivityKind.Performing, token => PerformAsync(stepId, token));
    }

    private async Task<StepResult> PerformAsync(string stepId, CancellationToken token)
    {
        var performed = await session.PerformAsync(stepId, token);
        answerNextCheck.TryRemove(stepId, out _);
        if (!performed.Outcome.Succeeded)
        {
            Notify(Describe(performed));
            return performed.Result;
        }
        var after = (await session.CheckAllAsync(token)).First(result => result.StepId == stepId);
        Notify(Describe(performed) with { Result = after });
        return after;
    }

    private void NotifyStillPerforming(string stepId) =>
        Notify(new Notice(NoticeTone.Info, $"Still performing {session.ResultOf(stepId).Title}…"));

    /// <summary>
    /// The learner says they did a manual step (saved off the UI thread; a check running meanwhile then reads it as
    /// done), then LabRunner tells the instructor. When the learner may not tag their cluster, it says so once.
    /// </summary>
    public void Acknowledge(string stepId) =>
        Run(async token =>
        {
            var acknowledged = session.Acknowledge(stepId);
            Notify(Describe(acknowledged, learnerAsked: true));
            if (await session.ShareAcknowledgementAsync(acknowledged, token) == AcknowledgementDelivery.Denied && Interlocked.Exchange(ref toldAcknowledgementsStayLocal, 1) == 0)
                Notify(new Notice(NoticeTone.Info, $"{acknowledged.Title}: done, kept on this computer only: you may not tag your cluster (AccessDenied), so your instructor does not see it.", acknowledged, LearnerAsked: true));
        });


    /// <summary>Deletes what the lab created for this learner (the learner confirmed), then re-checks every step.</summary>
    public void Cleanup() =>
        Run(async token =>
        {
            var outcomes = await session.CleanupAsync(token);
            var failed = outcomes.Where(outcome => !outcome.Succeeded).ToList();
            Notify(failed.Count == 0
                ? new Notice(NoticeTone.Success, $"Cleaned up: {string.Join("; ", outcomes.Select(outcome => outcome.Message))}.", LearnerAsked: true)
                : new Notice(NoticeTone.Error, $"Cleanup incomplete: {string.Join("; ", failed.Select(outcome => outcome.Message))}. x: try again", LearnerAsked: true));
            await session.CheckAllAsync(token);
        });

    private void OnStepResultChanged(object? sender, StepResult result)
    {
        Post(() => ResultChanged?.Invoke(result));
        WaitIfInProgress(result);
    }

    /// <summary>Every new result passes here: a step in progress that has a wait is polled until it settles, once at a time.</summary>
    private void WaitIfInProgress(StepResult result)
    {
        if (result.Status != StepStatus.InProgress || !result.Waits)
            return;
        if (!waits.TryAdd(result.StepId, new StepActivity(StepActivityKind.Waiting, time.GetUtcNow())))
            return;
        Post(() => ActivityChanged?.Invoke(result.StepId));
        Run(async token =>
        {
            try
            {
                var settled = await session.WaitAsync(result.StepId, cancellationToken: token, interval: pollInterval);
                Notify(Describe(settled, learnerAsked: false));
            }
            finally
            {
                Finish(waits, result.StepId);
            }
        });
    }

    /// <summary>Runs <paramref name="work"/> unless the same kind of work already runs on the step (a second check is answered by the first).</summary>
    private void Start(ConcurrentDictionary<string, StepActivity> running, string stepId, StepActivityKind kind, Func<CancellationToken, Task<StepResult>> work)
    {
        if (!running.TryAdd(stepId, new StepActivity(kind, time.GetUtcNow())))
            return;
        Post(() => ActivityChanged?.Invoke(stepId));
        Run(async token =>
        {
            try
            {
                await work(token);
            }
            finally
            {
                Finish(running, stepId);
            }
        });
    }

    private void Finish(ConcurrentDictionary<string, StepActivity> activities, string stepId)
    {
        activities.TryRemove(stepId, out _);
        Post(() => ActivityChanged?.Invoke(stepId));
    }

    private void Run(Func<CancellationToken, Task> work)
    {
        var token = stopping.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                await work(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            catch (Exception unexpected)
            {
                var log = logUnexpected(unexpected);
                Notify(new Notice(NoticeTone.Error, $"LabRunner hit an unexpected problem ({unexpected.Message}); the details are in {log}. r: retry"));
            }
        }, CancellationToken.None);
    }

    private void Notify(Notice notice) => Post(() => Noticed?.Invoke(notice));

    /// <summary>Hands an update to the UI thread, unless the runner is disposed (the screens, and maybe the application, are gone).</summary>
    private void Post(Action update)
    {
        if (!stopping.IsCancellationRequested)
            post(update);
    }

    private static Notice Describe(StepResult result, bool learnerAsked)
    {
        var title = result.Title;
        return result.Status switch
        {
            StepStatus.Passed => new Notice(NoticeTone.Success, $"{title}: passed, {result.Reason}.", result, learnerAsked),
            StepStatus.Acknowledged => new Notice(NoticeTone.Success, $"{title}: done ({result.Reason}).", result, learnerAsked),
            StepStatus.InProgress => new Notice(NoticeTone.Info, $"{title}: in progress{PercentText(result)}, {result.Reason}; LabRunner keeps watching.", result, learnerAsked),
            StepStatus.Error => new Notice(NoticeTone.Error, $"Could not check {title}: {result.Reason}. r: retry", result, learnerAsked),
            StepStatus.Manual => new Notice(NoticeTone.Info, $"{title}: {result.Reason}. a: mark it done", result, learnerAsked),
            StepStatus.Failed => new Notice(NoticeTone.Failure, $"{title}: {(result.Settled ? "failed" : "not yet")}, {result.Reason}.", result, learnerAsked),
            _ => new Notice(NoticeTone.Info, $"{title}: {result.Reason}.", result, learnerAsked),
        };
    }

    private static Notice Describe(PerformResult performed)
    {
        // An API's message often ends in its own full stop.
        var message = performed.Outcome.Message.TrimEnd('.');
        return performed.Outcome.Kind switch
        {
            ActionOutcomeKind.Done => new Notice(NoticeTone.Success, $"Done: {message}.", performed.Result, LearnerAsked: true),
            ActionOutcomeKind.AlreadyDone => new Notice(NoticeTone.Success, $"Nothing to do: {message}.", performed.Result, LearnerAsked: true),
            ActionOutcomeKind.Refused => new Notice(NoticeTone.Failure, $"Refused: {message}.", performed.Result, LearnerAsked: true),
            _ => new Notice(NoticeTone.Error, $"{Capitalize(message)}. p: try again, or d: change your details", performed.Result, LearnerAsked: true),
        };
    }

    private static string Summary(IReadOnlyList<StepResult> results) => StepTally.Of(results).Summary;

    private static string PercentText(StepResult result) => result.Percent is { } percent ? $", {percent} %" : "";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public void Dispose()
    {
        session.StepResultChanged -= OnStepResultChanged;
        // Cancelled, not disposed: work still unwinding reads its token.
        stopping.Cancel();
    }
}
