using LabRunner.Content.Kinds;
using LabRunner.Content.Learners;
using LabRunner.Content.Model;
using LabRunner.Engine.Actions;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Specs;
using LabRunner.Engine.State;

namespace LabRunner.Engine.Plans;

/// <summary>
/// A lab bound to one learner: every check and action spec parsed and rendered with the learner's values, and every
/// action proven to touch only the learner's own resources, all before any API call.
/// </summary>
public sealed class LabPlan
{
    private LabPlan(Lab lab, Learner learner, IReadOnlyList<StepPlan> steps, IReadOnlyList<IAction> cleanup, IReadOnlyList<BoundSpec> fixtures)
    {
        Lab = lab;
        Learner = learner;
        Steps = steps;
        Cleanup = cleanup;
        Fixtures = fixtures;
    }

    public Lab Lab { get; }

    public Learner Learner { get; }

    public IReadOnlyList<StepPlan> Steps { get; }

    /// <summary>What cleanup deletes for this learner, in the lab's order.</summary>
    public IReadOnlyList<IAction> Cleanup { get; }

    /// <summary>The resources the learner starts with (the sandbox creates them), bound as lint binds them; none in a read-only plan.</summary>
    public IReadOnlyList<BoundSpec> Fixtures { get; }

    /// <summary>
    /// Binds <paramref name="lab"/> for <paramref name="learner"/>. Without <paramref name="actions"/> the plan is read-only:
    /// no step can be performed, there is nothing to clean up and no fixture to create.
    /// </summary>
    /// <exception cref="LabSpecException">A spec names an unknown kind or parameter, a value does not parse, or an action would touch a resource that is not the learner's.</exception>
    public static LabPlan Bind(Lab lab, Learner learner, KindRegistry<ICheckKind> checks, KindRegistry<IActionKind>? actions)
    {
        var steps = lab.Steps
            .Select(step => new StepPlan(
                step,
                step.Verify.Select(spec => BindCheck(checks, spec, learner)).ToList(),
                step.Perform is { } perform && actions is not null ? BindAction(actions, perform, learner) : null))
            .ToList();
        var cleanup = actions is null ? [] : lab.Cleanup.Select(spec => BindAction(actions, spec, learner)).ToList();
        var fixtures = actions is null ? [] : lab.Fixtures.Select(spec => Render(spec, KindRole.Fixture, learner)).ToList();
        return new LabPlan(lab, learner, steps, cleanup, fixtures);
    }

    /// <summary>Binds with the built-in check and action kinds.</summary>
    public static LabPlan Bind(Lab lab, Learner learner) => Bind(lab, learner, CheckKinds.Default, ActionKinds.Default);

    public StepPlan Step(string id) =>
        Steps.FirstOrDefault(step => step.Id == id) ?? throw new ArgumentException($"Lab {Lab.Id} has no step '{id}'.", nameof(id));

    /// <summary>The state every step of the lab needs: one read serves a whole evaluation.</summary>
    public StateQuery Query()
    {
        var query = new StateQuery();
        foreach (var step in Steps)
            step.AddTo(query);
        return query;
    }

    private static ICheck BindCheck(KindRegistry<ICheckKind> checks, KindSpec spec, Learner learner) =>
        Resolve(checks, spec, "check").Bind(Render(spec, KindRole.Check, learner));

    private static IAction BindAction(KindRegistry<IActionKind> actions, KindSpec spec, Learner learner)
    {
        var action = Resolve(actions, spec, "action").Bind(Render(spec, KindRole.Action, learner));
        if (ResourceGuard.Refusal(action, learner) is { } refusal)
            throw new LabSpecException(spec.Location, refusal);
        return action;
    }

    /// <summary>The spec's parameters for this learner, checked against the schema's types (identifiers lower-cased as RDS stores them).</summary>
    private static BoundSpec Render(KindSpec spec, KindRole role, Learner learner)
    {
        var bound = SpecBinding.Bind(spec, role, learner.Values);
        return bound.Spec ?? throw new LabSpecException(spec.Location, string.Join("; ", bound.Problems));
    }

    private static TKind Resolve<TKind>(KindRegistry<TKind> kinds, KindSpec spec, string family) where TKind : IKind =>
        kinds.Find(spec.Kind) ?? throw new LabSpecException(spec.Location,
            $"unknown {family} kind '{spec.Kind}'; known: {string.Join(", ", kinds.All.Select(kind => kind.Name).Order(StringComparer.Ordinal))}");
}
