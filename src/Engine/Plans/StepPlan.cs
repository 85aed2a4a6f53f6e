using LabRunner.Content.Model;
using LabRunner.Engine.Actions;
using LabRunner.Engine.Checks;
using LabRunner.Engine.State;
using LabRunner.Engine.Steps;

namespace LabRunner.Engine.Plans;

/// <summary>One step bound to one learner: its checks and its action, ready to judge and perform.</summary>
public sealed record StepPlan(Step Step, IReadOnlyList<ICheck> Checks, IAction? Perform)
{
    public string Id => Step.Id;

    public bool IsManual => Checks.Count == 0;

    public void AddTo(StateQuery query)
    {
        foreach (var check in Checks)
            check.AddTo(query);
    }

    public IEnumerable<BaselineCapture> Baselines => Checks.SelectMany(check => check.Baselines);

    /// <summary>The step's result from a snapshot; manual steps are <see cref="StepStatus.Manual"/> whatever the state.</summary>
    public StepResult Judge(StateSnapshot state, BaselineLookup baselines)
    {
        if (IsManual)
            return Manual(state.ReadAt);
        var verdict = Verdict.Combine(Checks.Select(check => check.Judge(state, baselines)).ToList());
        return Titled(new StepResult(Id, verdict.Status, verdict.Reason, verdict.Percent, verdict.Settled, state.ReadAt, verdict.Since));
    }

    /// <summary>
    /// Judges as a learner's session does: a baseline not in <paramref name="baselines"/> yet is first recorded there
    /// from this same state (the first look at a step), then the step is judged against what is recorded.
    /// </summary>
    public StepResult JudgeRecordingBaselines(StateSnapshot state, Dictionary<string, string> baselines)
    {
        foreach (var capture in Baselines)
            if (!baselines.ContainsKey(capture.Key) && capture.Capture(state) is { } value)
                baselines[capture.Key] = value;
        return Judge(state, key => baselines.GetValueOrDefault(key));
    }

    public StepResult Manual(DateTimeOffset? at) =>
        Titled(new StepResult(Id, StepStatus.Manual, "a step you do yourself; LabRunner cannot check it", At: at));

    public StepResult Acknowledged(DateTimeOffset at) =>
        Titled(new StepResult(Id, StepStatus.Acknowledged, $"you marked it done at {at:yyyy-MM-dd HH:mm} UTC", At: at));

    public StepResult NotChecked() => Titled(new StepResult(Id, StepStatus.NotChecked, "not checked yet"));

    /// <summary>A result as progress saved it.</summary>
    public StepResult Restored(StepStatus status, string reason, int? percent, DateTimeOffset? at) =>
        Titled(new StepResult(Id, status, reason, percent, At: at));

    private StepResult Titled(StepResult result) => result with { Title = Step.Title, Waits = Step.Wait is not null && !IsManual, Optional = Step.Optional };
}
