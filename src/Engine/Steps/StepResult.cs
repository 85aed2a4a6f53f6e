namespace LabRunner.Engine.Steps;

/// <summary>
/// The outcome of judging one step: its status and a reason a person can act on, saying what was expected and
/// what was found ("backup window is 01:37-02:07, expected 05:00-05:45").
/// </summary>
/// <param name="Percent">Only for <see cref="StepStatus.InProgress"/>, when RDS reports one.</param>
/// <param name="Settled">False while the outcome may still change without the learner doing anything
/// (in progress) or because the learner may be doing it right now (a resource not there yet); waiting stops on settled results.</param>
/// <param name="At">When the state behind this result was read; null when never checked.</param>
/// <param name="Since">Only for <see cref="StepStatus.InProgress"/>: when the work awaited started, when RDS says (a snapshot's creation time).</param>
/// <remarks>A result the engine publishes also says what fronts show of its step (<see cref="Title"/>, <see cref="Waits"/>), so no front goes back to the plan for them.</remarks>
public sealed record StepResult(
    string StepId,
    StepStatus Status,
    string Reason,
    int? Percent = null,
    bool Settled = true,
    DateTimeOffset? At = null,
    DateTimeOffset? Since = null)
{
    /// <summary>The step's title, as the lab gives it (raw: fronts make it visible).</summary>
    public string Title { get; init; } = StepId;

    /// <summary>Whether the lab waits on this step while it is in progress (the step has a wait and is checked).</summary>
    public bool Waits { get; init; }

    /// <summary>The step is an optional extra: it never holds back completion and is counted apart.</summary>
    public bool Optional { get; init; }

    /// <summary>Done as far as completion goes: passed, acknowledged, or optional.</summary>
    public bool Done => Optional || Status is StepStatus.Passed or StepStatus.Acknowledged;
}
