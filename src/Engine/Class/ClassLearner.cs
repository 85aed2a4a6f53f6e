using LabRunner.Content.Learners;
using LabRunner.Content.Model;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Learners;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Specs;

namespace LabRunner.Engine.Class;

/// <summary>How the class view came to know a learner.</summary>
[Flags]
public enum LearnerSources
{
    None = 0,
    Roster = 1,
    Discovered = 2,
}

/// <summary>
/// One learner of a class with their lab bound read-only: checks only, no action and no cleanup, so nothing the class
/// view holds can change RDS.
/// </summary>
public sealed class ClassLearner
{
    private ClassLearner(LabPlan plan, LearnerSources sources, SourceSpan? rosterLine)
    {
        Plan = plan;
        Sources = sources;
        RosterLine = rosterLine;
    }

    public LabPlan Plan { get; }

    public Learner Learner => Plan.Learner;

    /// <summary>Who this is (<see cref="Learners.Learner.Key"/>): lower case, as it appears in resource names.</summary>
    public string Key => Learner.Key;

    public LearnerSources Sources { get; }

    /// <summary>Where the roster names this learner; null for a learner only discovered.</summary>
    public SourceSpan? RosterLine { get; }

    /// <exception cref="LabSpecException">A check spec cannot be bound with this learner's values.</exception>
    public static ClassLearner Bind(Lab lab, BoundLearner bound, KindRegistry<ICheckKind> checks, LearnerSources sources, SourceSpan? rosterLine = null) =>
        new(LabPlan.Bind(lab, Learner.Of(lab, bound), checks, actions: null), sources, rosterLine);

    public ClassLearner With(LearnerSources more) => new(Plan, Sources | more, RosterLine);
}
