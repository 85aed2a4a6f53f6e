using System.Collections.Concurrent;
using LabRunner.Content.Model;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Steps;
using LabRunner.Engine.State;

namespace LabRunner.Engine.Class;

/// <summary>
/// Judges a class's learners by the same plans and check kinds as <c>labrunner check</c>, with manual steps judged by
/// the acknowledgements tagged on the learner's cluster. Baselines are recorded the first time the class sees a
/// learner's step, as a learner's own first check does, and kept across refreshes, as is when each learner's results
/// last changed (for last activity and stuck).
/// </summary>
/// <param name="optional">Also judge the optional steps; without it they are left out of every row.</param>
internal sealed class ClassJudge(TimeSpan stuckAfter, bool optional)
{
    private readonly ConcurrentDictionary<(string Learner, string Step), Dictionary<string, string>> baselines = [];
    private readonly ConcurrentDictionary<string, Observed> observed = new(StringComparer.Ordinal);

    /// <summary>What the view last saw of a learner: each step's status and percent, and since when (null: since before the view saw them).</summary>
    private sealed record Observed((StepStatus Status, int? Percent)[] Results, DateTimeOffset? ChangedAt);

    /// <summary>Each learner judged (in their order); learners are judged side by side, each only touching their own records.</summary>
    public IReadOnlyList<LearnerRow> JudgeAll(IReadOnlyList<ClassLearner> learners, StateSnapshot state)
    {
        var rows = new LearnerRow[learners.Count];
        Parallel.For(0, learners.Count, index => rows[index] = Judge(learners[index], state));
        return rows;
    }

    public LearnerRow Judge(ClassLearner learner, StateSnapshot state, LearnerPass? pass = null)
    {
        var own = LearnerActivity.OwnResources(learner, state);
        var acknowledged = LearnerActivity.AcknowledgementsOf(own);
        var results = StepsOf(learner)
            .Select(step => step.IsManual && acknowledged.TryGetValue(step.Id, out var at)
                ? step.Acknowledged(at)
                : step.JudgeRecordingBaselines(state, BaselinesOf(learner.Key, step.Id)))
            .ToList();
        var started = learner.Learner.Resources.Values.Any(state.Holds);
        return new LearnerRow(learner, results, started, Activity(learner, state, own, results, acknowledged, started), pass);
    }

    /// <summary>The lab scoped as a class judged this way shows it: without its optional steps unless they are asked for.</summary>
    public static Lab Scope(Lab lab, bool optional) => optional ? lab : lab.WithoutOptionalSteps();

    private IEnumerable<StepPlan> StepsOf(ClassLearner learner) => learner.Plan.Steps.Where(step => optional || !step.Step.Optional);

    /// <summary>Last activity and stuck, remembering when this view last saw the learner's results change.</summary>
    private LearnerActivity Activity(ClassLearner learner, StateSnapshot state, IReadOnlyList<object> own, IReadOnlyList<StepResult> results, IReadOnlyDictionary<string, DateTimeOffset> acknowledged, bool started)
    {
        var now = state.ReadAt;
        var seenNow = results.Select(result => (result.Status, result.Percent)).ToArray();
        var seen = observed.GetValueOrDefault(learner.Key);
        var changedAt = seen is null ? null : seen.Results.AsSpan().SequenceEqual(seenNow) ? seen.ChangedAt : now;
        observed[learner.Key] = new Observed(seenNow, changedAt);
        var last = new[] { LearnerActivity.LatestResourceTime(own), changedAt, acknowledged.Count == 0 ? null : acknowledged.Values.Max() }.Max();
        var quietSince = new[] { last, LearnerActivity.ReadyAt(own) }.Max();
        var stuck = started && !LearnerActivity.Finished(results) && quietSince is { } since && now - since >= stuckAfter;
        return new LearnerActivity(acknowledged, last, stuck);
    }

    private Dictionary<string, string> BaselinesOf(string learner, string step) =>
        baselines.GetOrAdd((learner, step), _ => new Dictionary<string, string>(StringComparer.Ordinal));
}
