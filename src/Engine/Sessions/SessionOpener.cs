using LabRunner.Content.Model;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Progress;
using LabRunner.Engine.Targets;

namespace LabRunner.Engine.Sessions;

/// <summary>A learner's session, or (with no target touched) why their values do not bind the lab.</summary>
public sealed record SessionOpening(LabSession? Session, PlanBinding Binding);

/// <summary>
/// The one way every front goes from a lab, a learner's values and a target to a ready session: the learner and their
/// plan are bound first, without any I/O, and only then is the target connected, the learner's starting resources
/// readied on it and their saved progress opened. Fronts gather the values and show the outcome.
/// </summary>
public static class SessionOpener
{
    /// <param name="connect">Gives the target; called only once the values bind (a front that is already connected returns its target).</param>
    /// <param name="store">Where progress is kept; null keeps it in memory only.</param>
    public static async Task<SessionOpening> OpenAsync(
        Lab lab, IReadOnlyDictionary<string, string> variables, Func<CancellationToken, Task<ILabTarget>> connect,
        ProgressStore? store, TimeProvider time, CancellationToken cancellationToken)
    {
        var binding = PlanBinding.Bind(lab, variables);
        if (binding.Plan is not { } plan)
            return new SessionOpening(null, binding);
        var target = await connect(cancellationToken);
        await target.PrepareAsync(plan, cancellationToken);
        return new SessionOpening(new LabSession(plan, target.Rds, target.Info, store, time), binding);
    }
}
