using LabRunner.Content.Model;
using LabRunner.Engine.Actions;
using LabRunner.Content.Learners;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Progress;
using LabRunner.Engine.State;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Targets;
using LabRunner.Engine.Waiting;
using LabRunner.Rds;

namespace LabRunner.Engine.Sessions;

/// <summary>The outcome of performing a step: what the action did, then the step re-checked.</summary>
public sealed record PerformResult(ActionOutcome Outcome, StepResult Result);

/// <summary>What a session shows at one instant; it never changes, a new one replaces it.</summary>
/// <param name="Results">Every step's current result, in lab order.</param>
/// <param name="CreatedForLearner">What LabRunner created for the learner and the cleanup would delete (not what the learner made themselves, nor what is already cleaned up).</param>
/// <param name="StartedAt">When the learner first started the lab (in any process).</param>
/// <param name="FinishedAt">When the last required step was first done (passed, or acknowledged if manual); null while any never was. Optional steps do not count.</param>
public sealed record LabSessionState(IReadOnlyList<StepResult> Results, IReadOnlyList<string> CreatedForLearner, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);

/// <summary>
/// One learner working through one lab on one target: the live model every front binds to. It evaluates steps
/// (one state read per evaluation), performs and cleans up through guarded actions, records acknowledgements and
/// baselines, saves progress after every change, and raises <see cref="StepResultChanged"/> for each new result.
/// Safe to use from several threads (a UI's background polls and its key handlers): it publishes an immutable
/// <see cref="Current"/> state, read without waiting; changes take a short lock with no I/O under it, and progress is
/// saved after, under a lock of its own that only the threads changing the session take.
/// </summary>
public sealed class LabSession
{
    private readonly IRdsApi rds;
    private readonly ProgressStore? store;
    private readonly TimeProvider time;
    private readonly StateReader reader;
    private readonly LabProgress progress;
    private readonly Dictionary<string, StepResult> results = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly Lock saving = new();
    private volatile LabSessionState current;
    private long version;
    private long savedVersion;

    /// <param name="store">Where progress is kept; null keeps it in memory only.</param>
    public LabSession(LabPlan plan, IRdsApi rds, TargetInfo target, ProgressStore? store = null, TimeProvider? time = null)
    {
        Plan = plan;
        Target = target;
        this.rds = rds;
        this.store = store;
        this.time = time ?? TimeProvider.System;
        reader = new StateReader(rds, this.time);
        var loaded = store?.Load(plan.Lab.Id, target.ProgressKey, plan.Learner.Key);
        ProgressWarning = loaded?.Warning;
        progress = loaded?.Progress ?? new LabProgress { Lab = plan.Lab.Id, Target = target.ProgressKey, Learner = plan.Learner.Key };
        progress.Variables = new Dictionary<string, string>(plan.Learner.Variables);
        progress.StartedAt ??= this.time.GetUtcNow();
        foreach (var step in plan.Steps)
            results[step.Id] = Restore(step);
        current = State();
    }

    /// <summary>Raised, on the thread that produced it, for every new result of a step.</summary>
    public event EventHandler<StepResult>? StepResultChanged;

    public LabPlan Plan { get; }

    public Lab Lab => Plan.Lab;

    public Learner Learner => Plan.Learner;

    public TargetInfo Target { get; }

    /// <summary>Set when saved progress was damaged and set aside: show it to the learner once.</summary>
    public string? ProgressWarning { get; }

    /// <inheritdoc cref="LabSessionState.StartedAt"/>
    public DateTimeOffset StartedAt => Current.StartedAt;

    /// <summary>What the session shows now; read it once and use that one state, it never changes.</summary>
    public LabSessionState Current => current;

    /// <inheritdoc cref="LabSessionState.FinishedAt"/>
    public DateTimeOffset? FinishedAt => Current.FinishedAt;

    /// <inheritdoc cref="LabSessionState.Results"/>
    public IReadOnlyList<StepResult> Results => Current.Results;

    public StepResult ResultOf(string stepId)
    {
        var id = Plan.Step(stepId).Id;
        return Results.First(result => result.StepId == id);
    }

    /// <summary>The first required step not yet passed nor acknowledged, where a resumed run continues; null when all are done (optional steps never hold it back).</summary>
    public string? FirstUnfinishedStepId => Results.FirstOrDefault(result => !result.Done)?.StepId;

    /// <summary>True when every required step that can be checked has passed (manual and optional steps do not count).</summary>
    public bool AllCheckedStepsPassed => StepTally.Of(Results).AllPassed;

    /// <summary>Judges every step from one read of the state the lab needs.</summary>
    public async Task<IReadOnlyList<StepResult>> CheckAllAsync(CancellationToken cancellationToken = default)
    {
        var state = await reader.ReadAsync(Plan.Query(), cancellationToken);
        return Publish(Plan.Steps.Select(step => Judge(step, state)).ToList());
    }

    public async Task<StepResult> CheckStepAsync(string stepId, CancellationToken cancellationToken = default)
    {
        var step = Plan.Step(stepId);
        var query = new StateQuery();
        step.AddTo(query);
        var state = await reader.ReadAsync(query, cancellationToken);
        return Publish([Judge(step, state)])[0];
    }

    /// <summary>The learner is looking at a step: remember when, and check it (which records its baselines if not yet).</summary>
    public Task<StepResult> OpenStepAsync(string stepId, CancellationToken cancellationToken = default)
    {
        lock (gate)
            progress.Step(Plan.Step(stepId).Id).OpenedAt ??= time.GetUtcNow();
        return CheckStepAsync(stepId, cancellationToken);
    }

    /// <summary>Polls a step at its wait interval until settled or timed out; a step without a wait spec is checked once.</summary>
    /// <param name="interval">Polls this often instead of the step's interval (a front watching a local sandbox may poll faster); the step's timeout still holds.</param>
    public Task<StepResult> WaitAsync(string stepId, IProgress<StepResult>? progressReport = null, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        var step = Plan.Step(stepId);
        if (step.Step.Wait is not { } wait || step.IsManual)
            return CheckStepAsync(stepId, cancellationToken);
        if (interval is { } every)
            wait = wait with { Interval = every };
        return StepWaiter.WaitAsync(token => CheckStepAsync(stepId, token), wait, time, progressReport, cancellationToken);
    }

    /// <summary>The learner says they did a manual step.</summary>
    public StepResult Acknowledge(string stepId)
    {
        var step = Plan.Step(stepId);
        if (!step.IsManual)
            throw new InvalidOperationException($"Step {stepId} is checked by LabRunner; only manual steps are acknowledged.");
        DateTimeOffset acknowledged;
        lock (gate)
            acknowledged = progress.Step(step.Id).AcknowledgedAt ??= time.GetUtcNow();
        return Publish([step.Acknowledged(acknowledged)])[0];
    }

    /// <summary>
    /// Tells the instructor about an acknowledgement (<see cref="Acknowledge"/>'s result) by tagging the learner's own
    /// cluster (see <see cref="AcknowledgementTags"/>). The acknowledgement holds here whatever the tagging answers.
    /// </summary>
    public Task<AcknowledgementDelivery> ShareAcknowledgementAsync(StepResult acknowledged, CancellationToken cancellationToken = default) =>
        AcknowledgementTags.TagAsync(rds, Learner, acknowledged.StepId, acknowledged.At ?? time.GetUtcNow(), cancellationToken);

    /// <summary>The step's action, to show before performing (its summary and AWS CLI command); null when the step has none.</summary>
    public IAction? ActionOf(string stepId) => Plan.Step(stepId).Perform;

    /// <summary>What performing the step costs, to show before asking; null on the sandbox, where nothing is billed, and for free actions.</summary>
    public string? CostWarningOf(string stepId) => Target.Kind == TargetKind.Sandbox ? null : ActionOf(stepId)?.CostWarning;

    /// <summary>The exact AWS CLI command equivalent to performing the step on this target.</summary>
    public string? CliCommandOf(string stepId) => ActionOf(stepId)?.CliCommand.Render(Target);

    public async Task<PerformResult> PerformAsync(string stepId, CancellationToken cancellationToken = default)
    {
        var action = ActionOf(stepId) ?? throw new InvalidOperationException($"Step {stepId} has nothing LabRunner can perform.");
        var outcome = await RunGuardedAsync(action, cancellationToken);
        if (outcome.Kind == ActionOutcomeKind.Done)
            RecordCreated(action.Creates.Where(identifier => Plan.Cleanup.Any(cleanup => cleanup.Identifiers.Contains(identifier, StringComparer.Ordinal))));
        return new PerformResult(outcome, await CheckStepAsync(stepId, cancellationToken));
    }

    /// <inheritdoc cref="LabSessionState.CreatedForLearner"/>
    public IReadOnlyList<string> CreatedForLearner => Current.CreatedForLearner;

    private void RecordCreated(IEnumerable<string> identifiers) => Change(progress => progress.RecordCreated(identifiers));

    /// <summary>Runs the lab's cleanup for this learner, in order; stops at nothing, each outcome says how it went.</summary>
    public async Task<IReadOnlyList<ActionOutcome>> CleanupAsync(CancellationToken cancellationToken = default)
    {
        var outcomes = new List<ActionOutcome>();
        foreach (var action in Plan.Cleanup)
        {
            var outcome = await RunGuardedAsync(action, cancellationToken);
            outcomes.Add(outcome);
            if (outcome.Succeeded)
                Change(progress => progress.RecordCleanedUp(action.Identifiers));
        }
        return outcomes;
    }

    private Task<ActionOutcome> RunGuardedAsync(IAction action, CancellationToken cancellationToken) =>
        ResourceGuard.Refusal(action, Learner) is { } refusal
            ? Task.FromResult(new ActionOutcome(ActionOutcomeKind.Refused, refusal))
            : action.PerformAsync(rds, cancellationToken);

    /// <summary>The step's result from <paramref name="state"/>, recording its baselines first if this is the first time they are seen.</summary>
    private StepResult Judge(StepPlan step, StateSnapshot state)
    {
        lock (gate)
        {
            var saved = progress.Step(step.Id);
            var result = step.JudgeRecordingBaselines(state, saved.Baselines);
            return result.Status == StepStatus.Manual && saved.AcknowledgedAt is { } acknowledged
                ? step.Acknowledged(acknowledged)
                : result;
        }
    }

    /// <summary>Makes <paramref name="newResults"/> current, saves progress once, then tells listeners about each.</summary>
    private IReadOnlyList<StepResult> Publish(IReadOnlyList<StepResult> newResults)
    {
        Change(progress =>
        {
            foreach (var result in newResults)
            {
                results[result.StepId] = result;
                var saved = progress.Step(result.StepId);
                saved.Status = result.Status.WireName();
                saved.Reason = result.Reason;
                saved.Percent = result.Percent;
                saved.CheckedAt = result.At;
                if (result.Status == StepStatus.Passed)
                    saved.FirstPassedAt ??= result.At;
            }
        });
        foreach (var result in newResults)
            StepResultChanged?.Invoke(this, result);
        return newResults;
    }

    /// <summary>Applies <paramref name="change"/> and publishes the new state under the lock, then saves a copy of the progress outside it.</summary>
    private void Change(Action<LabProgress> change)
    {
        LabProgress copy;
        long changed;
        lock (gate)
        {
            change(progress);
            changed = ++version;
            copy = progress.Copy();
            current = State();
        }
        Save(copy, changed);
    }

    /// <summary>
    /// Saves <paramref name="copy"/> unless a later one is already saved (each copy holds every earlier change), then
    /// takes in what the save merged from other processes.
    /// </summary>
    private void Save(LabProgress copy, long changed)
    {
        if (store is null)
            return;
        lock (saving)
        {
            if (changed <= savedVersion)
                return;
            store.Save(copy);
            savedVersion = changed;
        }
        lock (gate)
        {
            progress.MergeSaved(copy);
            current = State();
        }
    }

    /// <summary>The state to publish, from the results and progress as they are now (under the lock).</summary>
    private LabSessionState State()
    {
        var done = Plan.Steps.Where(step => !step.Step.Optional).Select(step => progress.Steps.GetValueOrDefault(step.Id) is { } saved
            ? step.IsManual ? saved.AcknowledgedAt : saved.FirstPassedAt
            : null).ToList();
        return new LabSessionState(
            Plan.Steps.Select(step => results[step.Id]).ToList(),
            [.. progress.CreatedForLearner],
            progress.StartedAt!.Value,
            done.All(at => at is not null) ? done.Max() : null);
    }

    private StepResult Restore(StepPlan step)
    {
        var saved = progress.Steps.GetValueOrDefault(step.Id);
        if (step.IsManual)
            return saved?.AcknowledgedAt is { } acknowledged
                ? step.Acknowledged(acknowledged)
                : step.Manual(at: null);
        if (saved?.Status is not { } wire || StepStatusNames.FromWireName(wire) is not { } status)
            return step.NotChecked();
        return step.Restored(status, saved.Reason ?? "", saved.Percent, saved.CheckedAt);
    }
}
