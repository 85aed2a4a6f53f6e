using LabRunner.Content.Learners;
using LabRunner.Content.Model;
using LabRunner.Engine.Actions;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Specs;

namespace LabRunner.Engine.Plans;

/// <summary>A lab bound for one learner's values: their plan, or what keeps the values from making one.</summary>
/// <param name="VariableProblems">One per variable or resource name that is wrong, as <see cref="LearnerBinding"/> finds them.</param>
/// <param name="SpecProblem">The values are right, but a spec cannot be bound with them (located in the lab file).</param>
public sealed record PlanBinding(LabPlan? Plan, IReadOnlyList<string> VariableProblems, string? SpecProblem)
{
    /// <summary>The learner and their plan from <paramref name="variables"/>, without any I/O. Without <paramref name="actions"/> the plan is read-only.</summary>
    public static PlanBinding Bind(Lab lab, IReadOnlyDictionary<string, string> variables, KindRegistry<ICheckKind> checks, KindRegistry<IActionKind>? actions)
    {
        var learner = LearnerBinding.Bind(lab, variables);
        if (learner.Learner is not { } bound)
            return new PlanBinding(null, learner.Problems, null);
        try
        {
            return new PlanBinding(LabPlan.Bind(lab, bound, checks, actions), [], null);
        }
        catch (LabSpecException problem)
        {
            return new PlanBinding(null, [], problem.Message);
        }
    }

    /// <summary>Binds with the built-in check and action kinds.</summary>
    public static PlanBinding Bind(Lab lab, IReadOnlyDictionary<string, string> variables) =>
        Bind(lab, variables, CheckKinds.Default, ActionKinds.Default);
}
