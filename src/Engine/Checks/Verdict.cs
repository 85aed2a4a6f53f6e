using LabRunner.Engine.Steps;

namespace LabRunner.Engine.Checks;

/// <summary>What one check concluded about a state snapshot; a step combines the verdicts of its checks.</summary>
/// <param name="Since">While in progress: when the work awaited started (a snapshot's creation time), when RDS says.</param>
public sealed record Verdict(StepStatus Status, string Reason, int? Percent = null, bool Settled = true, DateTimeOffset? Since = null)
{
    public static Verdict Passed(string reason) => new(StepStatus.Passed, reason);

    /// <summary>Failed for good: no amount of waiting fixes it (a failed snapshot, one of another cluster).</summary>
    public static Verdict Failed(string reason) => new(StepStatus.Failed, reason);

    /// <summary>Failed for now, but the learner may be on it (the resource is not there yet).</summary>
    public static Verdict NotYet(string reason) => new(StepStatus.Failed, reason, Settled: false);

    public static Verdict InProgress(string reason, int? percent = null, DateTimeOffset? since = null) => new(StepStatus.InProgress, reason, percent, Settled: false, since);

    public static Verdict Error(string reason) => new(StepStatus.Error, reason);

    /// <summary>
    /// A step's verdict from its checks: an error hides everything (nothing is known), then the first failure,
    /// then in progress (the lowest percent), else passed with every check's reason.
    /// </summary>
    public static Verdict Combine(IReadOnlyList<Verdict> verdicts)
    {
        if (verdicts.Count == 0)
            throw new ArgumentException("A step needs at least one verdict.", nameof(verdicts));
        var error = verdicts.FirstOrDefault(verdict => verdict.Status == StepStatus.Error);
        if (error is not null)
            return error;
        var failures = verdicts.Where(verdict => verdict.Status == StepStatus.Failed).ToList();
        if (failures.Count > 0)
            return failures.FirstOrDefault(failure => failure.Settled) ?? failures[0];
        var inProgress = verdicts.Where(verdict => verdict.Status == StepStatus.InProgress).ToList();
        if (inProgress.Count > 0)
            return inProgress.MinBy(verdict => verdict.Percent ?? -1)!;
        return Passed(string.Join("; ", verdicts.Select(verdict => verdict.Reason)));
    }
}
