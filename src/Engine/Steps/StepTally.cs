namespace LabRunner.Engine.Steps;

/// <summary>
/// How a learner's steps add up, as every front reports them: the required checked steps passed (what completion and
/// exit codes go by), the manual steps acknowledged, and the optional steps passed, counted apart.
/// </summary>
public sealed record StepTally(int Passed, int Checked, int Acknowledged, int Manual, int OptionalPassed, int Optional)
{
    public static StepTally Of(IEnumerable<StepResult> results)
    {
        var all = results.ToList();
        var required = all.Where(result => !result.Optional).ToList();
        var optional = all.Where(result => result.Optional).ToList();
        return new StepTally(
            required.Count(result => result.Status == StepStatus.Passed),
            required.Count(result => !result.Status.IsManual()),
            required.Count(result => result.Status == StepStatus.Acknowledged),
            required.Count(result => result.Status.IsManual()),
            optional.Count(result => result.Status is StepStatus.Passed or StepStatus.Acknowledged),
            optional.Count);
    }

    /// <summary>Required steps done: passed, or acknowledged when manual.</summary>
    public int Done => Passed + Acknowledged;

    /// <summary>Required steps, checked or manual.</summary>
    public int Required => Checked + Manual;

    /// <summary>Every required checked step passed (manual and optional steps do not count).</summary>
    public bool AllPassed => Passed == Checked;

    /// <summary>"2 of 3 checked steps passed", plus "; optional: 1 of 4 done" when the lab has optional steps.</summary>
    public string Summary => $"{Passed} of {Checked} checked steps passed{OptionalSummary}";

    /// <summary>"; optional: 1 of 4 done", or nothing without optional steps.</summary>
    public string OptionalSummary => Optional == 0 ? "" : $"; optional: {OptionalPassed} of {Optional} done";
}
