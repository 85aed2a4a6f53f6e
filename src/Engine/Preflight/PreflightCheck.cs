namespace LabRunner.Engine.Preflight;

public enum PreflightStatus
{
    Ok,
    /// <summary>Worth knowing, not in the way (credentials expiring soon, a clock a few minutes off).</summary>
    Warning,
    /// <summary>Something of the learner's is not where the lab expects it (exit 1, as a step that did not pass).</summary>
    Problem,
    /// <summary>The target cannot be used as it is (exit 3, as <c>check</c>).</summary>
    TargetProblem,
}

/// <summary>One line of a preflight: what was looked at ("clock") and what was found.</summary>
public sealed record PreflightCheck(string Subject, PreflightStatus Status, string Text);

/// <summary>What a learner should know before step 1, and the RDS API actions the lab will call.</summary>
/// <param name="ApiActions">Who calls what: <c>checks</c>, <c>perform</c>, <c>cleanup</c> to IAM action names.</param>
public sealed record PreflightReport(IReadOnlyList<PreflightCheck> Checks, IReadOnlyList<(string Purpose, IReadOnlyList<string> Actions)> ApiActions)
{
    public PreflightStatus Worst => Checks.Count == 0 ? PreflightStatus.Ok : Checks.Max(check => check.Status);
}
