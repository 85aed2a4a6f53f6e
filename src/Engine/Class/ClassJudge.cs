using LabRunner.Engine.State;

namespace LabRunner.Engine.Class;

/// <summary>
/// Judges a class's learners by the same plans and check kinds as <c>labrunner check</c>. Baselines are recorded the
/// first time the class sees a learner's step, as a learner's own first check does, and kept across refreshes.
/// </summary>
internal sealed class ClassJudge
{
    private readonly Dictionary<(string Learner, string Step), Dictionary<string, string>> baselines = [];

    public LearnerRow Judge(ClassLearner learner, StateSnapshot state, LearnerPass? pass = null)
    {
        var results = learner.Plan.Steps
            .Select(step => step.JudgeRecordingBaselines(state, BaselinesOf(learner.Key, step.Id)))
            .ToList();
        return new LearnerRow(learner, results, learner.Learner.Resources.Values.Any(state.Holds), pass);
    }

    private Dictionary<string, string> BaselinesOf(string learner, string step)
    {
        if (!baselines.TryGetValue((learner, step), out var recorded))
            baselines[(learner, step)] = recorded = new Dictionary<string, string>(StringComparer.Ordinal);
        return recorded;
    }
}
