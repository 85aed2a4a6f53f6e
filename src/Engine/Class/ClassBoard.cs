using LabRunner.Content.Model;
using LabRunner.Engine.State;
using LabRunner.Engine.Steps;
using LabRunner.Rds;

namespace LabRunner.Engine.Class;

/// <summary>One learner's line of the board: every step's result, in lab order, and their activity.</summary>
/// <param name="Started">False when none of the learner's resources exist in the account yet.</param>
/// <param name="Pass">The progress pass the learner was read through, in a class read from passes; null otherwise.</param>
public sealed record LearnerRow(ClassLearner Learner, IReadOnlyList<StepResult> Results, bool Started, LearnerActivity Activity, LearnerPass? Pass = null)
{
    /// <summary>How the learner's steps add up, as in <c>labrunner check</c>: optional steps apart.</summary>
    public StepTally Tally => StepTally.Of(Results);

    /// <summary>Required steps passed.</summary>
    public int Passed => Tally.Passed;

    /// <summary>Required steps LabRunner can check (manual and optional steps do not count), as in <c>labrunner check</c>.</summary>
    public int Total => Tally.Checked;
}

/// <summary>
/// The whole class judged from one read of the account: a row per learner, least progress first (who may need help
/// leads), then by name.
/// </summary>
/// <param name="Failures">Resource kinds that could not be read: the rows then hold errors, not verdicts.</param>
/// <param name="Requests">HTTP requests this read took, retries included.</param>
public sealed record ClassBoard(
    Lab Lab,
    IReadOnlyList<LearnerRow> Rows,
    DateTimeOffset ReadAt,
    IReadOnlyDictionary<ResourceKind, RdsException> Failures,
    long Requests)
{
    public bool Failed => Failures.Count > 0;

    public IReadOnlyList<Step> Steps { get; } = Lab.Steps.ToList();

    /// <summary>How many learners have passed each step, in lab order.</summary>
    public IReadOnlyList<int> PassedPerStep => Steps.Select((_, index) => Rows.Count(row => row.Results[index].Status == StepStatus.Passed)).ToList();

    /// <summary>What went wrong, one line, for a header or a log; null when the read succeeded.</summary>
    public string? FailureText => Failed
        ? string.Join("; ", Failures.Select(failure => $"could not read {KindText(failure.Key)}: {failure.Value.Message}"))
        : null;

    public static IReadOnlyList<LearnerRow> InProgressOrder(IEnumerable<LearnerRow> rows) =>
        rows.OrderBy(row => row.Passed).ThenBy(row => row.Learner.Key, StringComparer.Ordinal).ToList();

    private static string KindText(ResourceKind kind) => StateKinds.Of(kind).Plural;
}
