namespace LabRunner.Engine.Steps;

/// <summary>Where a step stands for one learner.</summary>
public enum StepStatus
{
    /// <summary>Not evaluated yet in this session and nothing saved.</summary>
    NotChecked,
    Passed,
    Failed,
    /// <summary>On its way (a snapshot creating); <see cref="StepResult.Percent"/> when RDS reports one.</summary>
    InProgress,
    /// <summary>The state could not be read or the action could not run: API, network or credentials. Not the learner's fault.</summary>
    Error,
    /// <summary>A step the learner does and LabRunner cannot verify.</summary>
    Manual,
    /// <summary>A manual step the learner has said is done.</summary>
    Acknowledged,
}

public static class StepStatusNames
{
    /// <summary>The wire name used in JSON, JUnit and progress files: <c>passed</c>, <c>in-progress</c>...</summary>
    public static string WireName(this StepStatus status) => status switch
    {
        StepStatus.NotChecked => "not-checked",
        StepStatus.Passed => "passed",
        StepStatus.Failed => "failed",
        StepStatus.InProgress => "in-progress",
        StepStatus.Error => "error",
        StepStatus.Manual => "manual",
        StepStatus.Acknowledged => "acknowledged",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static StepStatus? FromWireName(string name) =>
        Enum.GetValues<StepStatus>().Cast<StepStatus?>().FirstOrDefault(status => status!.Value.WireName() == name);

    /// <summary>The one-character mark every front shows for a status, so learner and instructor views agree.</summary>
    public static string Glyph(this StepStatus status) => status switch
    {
        StepStatus.NotChecked => "·",
        StepStatus.Passed => "✓",
        StepStatus.Failed => "✗",
        StepStatus.InProgress => "◐",
        StepStatus.Error => "!",
        StepStatus.Manual => "☐",
        StepStatus.Acknowledged => "☑",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Manual steps never count for or against a learner's completion.</summary>
    public static bool IsManual(this StepStatus status) => status is StepStatus.Manual or StepStatus.Acknowledged;
}
