using LabRunner.Content.Learners;
using LabRunner.Content.Model;
using LabRunner.Engine.Checks;
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
    public ClassLearner(LabPlan plan, LearnerSources sources, SourceSpan? rosterLine)
    {
        Plan = plan;
        Sources = sources;
        RosterLine = rosterLine;
    }

    public LabPlan Plan { get; }

    public Learner Learner => Plan.Learner;

    /// <summary>Who this is (<see cref="LabRunner.Content.Learners.Learner.Key"/>): lower case, as it appears in resource names.</summary>
    public string Key => Learner.Key;

    public LearnerSources Sources { get; }

    /// <summary>Where the roster names this learner; null for a learner only discovered.</summary>
    public SourceSpan? RosterLine { get; }

    /// <summary>The learner <paramref name="values"/> make, their plan read-only (checks alone), or what keeps the values from making one.</summary>
    public static PlanBinding Bind(Lab lab, IReadOnlyDictionary<string, string> values, KindRegistry<ICheckKind> checks) =>
        PlanBinding.Bind(lab, values, checks, actions: null);

    public ClassLearner With(LearnerSources more) => new(Plan, Sources | more, RosterLine);
}
